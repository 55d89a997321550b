import { featureViews, MINIMUM_FEATURES } from './portal-features';

const URLS = { HELP_GUIDE: 'https://help.example', BLOG: 'https://blog.example', LIVE_CHAT: 'https://chat.example' };

describe('featureViews', () => {
  it('shows all six features with only the minimum ones enabled and linked to the configured URLs', () => {
    const views = featureViews(MINIMUM_FEATURES, URLS);
    expect(views.map((v) => v.key)).toEqual(['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES']);
    expect(views.filter((v) => v.enabled).map((v) => v.url)).toEqual(['https://help.example', 'https://blog.example', 'https://chat.example']);
    expect(views.filter((v) => !v.enabled).every((v) => v.url === undefined)).toBe(true);
  });

  it('links an enabled own page and greys out nothing a profile opens', () => {
    const views = featureViews(['PAYMENTS'], URLS);
    expect(views.filter((v) => v.enabled)).toEqual([{ key: 'PAYMENTS', label: 'Payments', enabled: true, url: '/api/portal/payments' }]);
  });
});
