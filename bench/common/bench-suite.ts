import { adminQuery, createTestEnvironment, GatewayClient, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';

/** The whole suite as `npm start` runs it (built code), in its own databases and vhost, with an administrator logged in. */
export interface BenchSuite {
  environment: TestEnvironment;
  suite: SuiteProcess;
  admin: GatewayClient;
  ids: { organizationId: string; businessUnitId: string; administratorRoleId: string };
  stop(): Promise<void>;
}

/**
 * Settings of a benchmark run: the services' own defaults where the test kit shortens them (the
 * outbox poll is 500 ms in production, 200 ms in tests), and login limits out of the way of load.
 * The limits' window is a second: the limiter keeps every attempt of the window per key and filters
 * them all on each attempt, so a minute's window at 60 logins/s would measure lists of 3,600 hits
 * that the default limits (10 and 100 a minute) never let grow.
 */
export const BENCH_SETTINGS: Record<string, string> = {
  OUTBOX_POLL_MS: '500',
  LOGIN_RATE_PER_ADDRESS: '1000000',
  LOGIN_RATE_PER_ACCOUNT: '1000000',
  LOGIN_RATE_WINDOW_MS: '1000',
};

export async function startBenchSuite(overrides: Record<string, string> = {}): Promise<BenchSuite> {
  const environment = await createTestEnvironment({ ...BENCH_SETTINGS, ...overrides });
  let suite: SuiteProcess | undefined;
  try {
    suite = await startSuite(environment, undefined, 180_000);
    const [ids] = await adminQuery<BenchSuite['ids']>(
      environment.databases.identity,
      `SELECT o.id AS "organizationId", b.id AS "businessUnitId", r.id AS "administratorRoleId"
         FROM organizations o JOIN business_units b ON b.organization_id = o.id AND b.parent_id IS NULL, roles r
        WHERE o.name = 'Main' AND r.name = 'ADMINISTRATOR'`,
    );
    const admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
    const running = suite;
    let stopped: Promise<void> | undefined;
    return {
      environment,
      suite: running,
      admin,
      ids,
      /** Stops the suite and drops its databases and vhost; a second call waits for the first. */
      stop() {
        stopped ??= running.stop().then(() => environment.dispose());
        return stopped;
      },
    };
  } catch (error) {
    await suite?.stop();
    await environment.dispose();
    throw error;
  }
}

/** The body of a new user in Main's root unit, with the ADMINISTRATOR role and the given security profiles. */
export function userBody(ids: BenchSuite['ids'], username: string, securityProfiles: string[] = []): Record<string, unknown> {
  return {
    username,
    password: 'Str0ng-Password',
    passwordConfirm: 'Str0ng-Password',
    primaryEmail: `${username}@example.com`,
    firstName: 'Bench',
    lastName: username,
    enabled: true,
    ownerBusinessUnitId: ids.businessUnitId,
    organizationIds: [ids.organizationId],
    businessUnitIds: [ids.businessUnitId],
    roles: [{ roleId: ids.administratorRoleId, default: true }],
    securityProfiles,
  };
}

/** Runs `main`, prints a failure and exits 1 on error; the benchmarks' entry point. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
