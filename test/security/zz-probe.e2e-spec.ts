import { writeFileSync } from 'node:fs';
import { startWholeSuite, RunningSuite } from '../e2e/suite-fixture';

it('probe', async () => {
  const run: RunningSuite = await startWholeSuite();
  try {
    const doc = await run.api.get('/api/docs-json');
    writeFileSync('/tmp/input-docs.json', JSON.stringify(doc.body, null, 1));
    const out: unknown[] = [];
    const r = async (what: string, p: Promise<any>) => { const x = await p; out.push([what, x.status, x.body, Object.fromEntries(x.headers)]); };
    await r('nul q', run.admin.get('/api/users?q=%00'));
    await r('surr q', run.admin.get('/api/users?q=%ED%A0%80'));
    await r('offset', run.admin.get('/api/users?offset=1e20'));
    await r('deep', run.admin.post('/api/users', '['.repeat(10000) + ']'.repeat(10000)));
    await r('deep login', run.api.post('/api/auth/login', '{"a":' + '['.repeat(10000) + ']'.repeat(10000) + '}'));
    await r('nul login', run.api.post('/api/auth/login', { username: 'a\u0000', password: 'x' }));
    await r('form login', run.api.request('POST', '/api/auth/login', 'username=admin&password=x', { 'content-type': 'application/x-www-form-urlencoded' }));
    await r('text login', run.api.request('POST', '/api/auth/login', 'x', { 'content-type': 'text/plain' }));
    await r('enable no body', run.admin.request('POST', `/api/users/${run.ids.administratorRoleId}/enable`));
    await r('param nul', run.admin.get('/api/users/%00'));
    await r('docs', run.api.get('/api/docs'));
    writeFileSync('/tmp/input-probe.json', JSON.stringify(out, null, 1));
  } finally {
    await run.suite.stop();
    await run.environment.dispose();
  }
});
