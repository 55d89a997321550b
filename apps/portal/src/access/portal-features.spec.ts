import { featureViews, MINIMUM_FEATURES } from './portal-features';

describe('featureViews', () => {
  it('shows all six features with only the minimum ones enabled and linked', () => {
    const views = featureViews(MINIMUM_FEATURES);
    expect(views.map((v) => v.key)).toEqual(['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES']);
    expect(views.filter((v) => v.enabled).map((v) => v.key)).toEqual(['HELP_GUIDE', 'BLOG', 'LIVE_CHAT']);
    expect(views.filter((v) => !v.enabled).every((v) => v.url === undefined)).toBe(true);
  });
});
