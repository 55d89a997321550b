import { PORTAL_FEATURE_KEYS, PortalFeatureKey, PortalFeatureView } from '@app/contracts';

/** The portal's home buttons, in the order they are shown, with their links. */
const LABELS: Record<PortalFeatureKey, string> = {
  HELP_GUIDE: 'Help Guide',
  BLOG: 'Blog',
  LIVE_CHAT: 'Live Chat',
  SERVICE_TICKETS: 'Service Tickets',
  PAYMENTS: 'Payments',
  MODULES: 'Modules',
};

/** Help Guide, Blog and Live Chat link out (settings); the other three are the portal's own pages. */
export type ExternalUrls = Record<'HELP_GUIDE' | 'BLOG' | 'LIVE_CHAT', string>;
const OWN_URLS = { SERVICE_TICKETS: '/api/portal/tickets', PAYMENTS: '/api/portal/payments', MODULES: '/api/portal/modules' };

/** What every CRM user gets automatically (OrangeCRM's minimum access). */
export const MINIMUM_FEATURES: PortalFeatureKey[] = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT'];

/** Every feature, enabled or greyed out; a disabled one carries no link. */
export const featureViews = (enabled: readonly string[], urls: ExternalUrls): PortalFeatureView[] =>
  PORTAL_FEATURE_KEYS.map((key) => {
    const url = { ...urls, ...OWN_URLS }[key];
    return enabled.includes(key) ? { key, label: LABELS[key], enabled: true, url } : { key, label: LABELS[key], enabled: false };
  });
