// Benchmarks measure the code as it runs: app code comes from the build (npm run bench:export runs
// `npm run build` first), never from an app's sources (.dependency-cruiser.js, bench-reaches-apps-only-built).
import type { AclScope } from '@app/acl';

interface UserExportQuery {
  /** The one SQL query identity's export job streams through COPY. */
  userExportSql(selection: { scope: AclScope; includePasswordHashes: boolean }): string;
}

// A plain require of the built file: TypeScript does not follow it, so type checks do not need a build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { userExportSql } = require('../../dist/apps/identity/src/exports/user-export.query') as UserExportQuery;
