import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { csvRecord } from './csv';
import { USER_EXPORT_COLUMNS, USER_EXPORT_SQL } from './user-export.query';

/** Rows per FETCH: enough to keep round trips few, small enough that memory stays flat. */
const BATCH = 2000;

export interface WrittenExport {
  rowCount: number;
  sizeBytes: number;
}

/**
 * Writes every user to `path` as CSV through a server-side cursor, one batch at a time, waiting for
 * the file to drain before fetching more: memory holds one batch whatever the number of users.
 * The file appears under its name only when complete (written aside, then renamed).
 */
export async function writeUserExport(dataSource: DataSource, path: string): Promise<WrittenExport> {
  const partial = `${path}.partial`;
  const file = createWriteStream(partial);
  const runner = dataSource.createQueryRunner();
  let rowCount = 0;
  try {
    await runner.connect();
    // One snapshot for the whole file, as a single COPY would see it.
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(`DECLARE user_export NO SCROLL CURSOR FOR ${USER_EXPORT_SQL}`);
    await write(file, csvRecord(USER_EXPORT_COLUMNS));
    for (;;) {
      const rows: Record<string, string | null>[] = await runner.query(`FETCH ${BATCH} FROM user_export`);
      if (rows.length === 0) break;
      let chunk = '';
      for (const row of rows) chunk += csvRecord(USER_EXPORT_COLUMNS.map((column) => row[column]));
      await write(file, chunk);
      rowCount += rows.length;
    }
    await runner.commitTransaction();
    file.end();
    await once(file, 'finish');
    await rename(partial, path);
    return { rowCount, sizeBytes: (await stat(path)).size };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await runner.release();
  }
}

async function write(file: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!file.write(chunk)) await once(file, 'drain');
}
