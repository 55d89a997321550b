/** The portal's home buttons, in the order they are shown. */
export const PORTAL_FEATURES = [
  { key: 'HELP_GUIDE', label: 'Help Guide', url: '/portal/help' },
  { key: 'BLOG', label: 'Blog', url: '/portal/blog' },
  { key: 'LIVE_CHAT', label: 'Live Chat', url: '/portal/chat' },
  { key: 'SERVICE_TICKETS', label: 'Service Tickets', url: '/portal/tickets' },
  { key: 'PAYMENTS', label: 'Payments', url: '/portal/payments' },
  { key: 'MODULES', label: 'Modules', url: '/portal/modules' },
] as const;

export type PortalFeatureKey = (typeof PORTAL_FEATURES)[number]['key'];

/** What every CRM user gets automatically (OrangeCRM's minimum access). */
export const MINIMUM_PROFILE = 'MINIMUM';
export const MINIMUM_FEATURES: PortalFeatureKey[] = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT'];

/** Built-in tiers; administrators' own access profiles join these with the portal issue. */
const BUILT_IN_PROFILES: Record<string, PortalFeatureKey[]> = { [MINIMUM_PROFILE]: MINIMUM_FEATURES };

/** A profile that no longer exists falls back to the minimum rather than to nothing. */
export const featuresOfProfile = (profile: string): PortalFeatureKey[] => BUILT_IN_PROFILES[profile] ?? MINIMUM_FEATURES;

export interface FeatureView {
  key: PortalFeatureKey;
  label: string;
  enabled: boolean;
  url?: string;
}

/** Every feature, enabled or greyed out; a disabled one carries no link. */
export const featureViews = (enabled: readonly PortalFeatureKey[]): FeatureView[] =>
  PORTAL_FEATURES.map((f) => (enabled.includes(f.key) ? { key: f.key, label: f.label, enabled: true, url: f.url } : { key: f.key, label: f.label, enabled: false }));
