import { loggableUrl } from './loggable-url';

describe('loggableUrl', () => {
  it('hides the value of a reset token, an API key or a password given in the query', () => {
    expect(loggableUrl('/api/auth/password-reset/confirm?token=s_m1eFcyLf_k3hg')).toBe('/api/auth/password-reset/confirm?token=[REDACTED]');
    expect(loggableUrl('/api/me?x-api-key=crm_1_2&limit=5')).toBe('/api/me?x-api-key=[REDACTED]&limit=5');
    expect(loggableUrl('/x?Pass%77ord=hunter22&access_token=abc')).toBe('/x?Pass%77ord=[REDACTED]&access_token=[REDACTED]');
  });

  it('keeps paths and ordinary parameters as they came, malformed ones included', () => {
    for (const url of ['/api/users', '/api/users?q=ada&offset=20&limit=5', '/api/users?q=%E0%A4%A&flag', '/api/users?']) expect(loggableUrl(url)).toBe(url);
  });
});
