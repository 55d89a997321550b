import { FileHandle, open, rename, rm } from 'node:fs/promises';
import { Client } from 'pg';
import { CopyOut } from './copy-out';
import { ExportCsvBuffer } from './export-csv-buffer';
import { UserExportSelection, userExportSql } from './user-export.query';

/** Bytes gathered before a file write; the socket is paused while one is under way and this much is waiting. */
const WRITE_BYTES = 256 * 1024;

export interface WrittenExport {
  rowCount: number;
  sizeBytes: number;
}

/** Where a file is written before it is complete; a job left RUNNING by a stopped process leaves it behind. */
export const partialPathOf = (path: string): string => `${path}.partial`;

/**
 * Writes the selected users to `path` as CSV with one `COPY (query) TO STDOUT` on `client`, a connection of
 * the export's own (not one of the pool's): one snapshot for the whole file, CSV made by PostgreSQL,
 * records ended by CRLF and formula cells neutralised on the way (ExportCsvBuffer), bytes written as they come. Memory holds two write buffers whatever the number of users: when the
 * file lags, the socket is paused and TCP makes the server wait. The file appears under its name only
 * when complete. After a failure `client` is unusable (it may be mid-COPY): end it.
 */
export async function writeUserExport(client: Client, path: string, selection: UserExportSelection): Promise<WrittenExport> {
  const partial = partialPathOf(path);
  let file: FileHandle | undefined;
  try {
    file = await open(partial, 'w');
    const written = await copyInto(client, file, userExportSql(selection));
    await file.close();
    file = undefined;
    await rename(partial, path);
    return written;
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

async function copyInto(client: Client, file: FileHandle, query: string): Promise<WrittenExport> {
  const output = new ExportCsvBuffer(2 * WRITE_BYTES);
  // The buffer to fill next; null while a write is under way (writes go one after another).
  let spare: Buffer | null = Buffer.allocUnsafe(2 * WRITE_BYTES);
  let lastWrite: Promise<void> = Promise.resolve();
  let writeFailure: Error | null = null;
  let sizeBytes = 0;

  const writeAll = async (bytes: Buffer) => {
    for (let at = 0; at < bytes.length; ) at += (await file.write(bytes, at, bytes.length - at, sizeBytes + at)).bytesWritten;
    sizeBytes += bytes.length;
  };
  // Writes what was gathered while more arrives; when done, writes again or lets the socket go on.
  const startWrite = () => {
    const taken = output.swap(spare!);
    spare = null;
    lastWrite = writeAll(taken.bytes).then(
      () => {
        spare = taken.storage;
        if (output.length >= WRITE_BYTES) startWrite();
        else copy.resume();
      },
      (error: Error) => {
        writeFailure = error;
        copy.abort(error);
      },
    );
  };
  const copy = new CopyOut(`COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER)`, (chunk) => {
    output.append(chunk);
    if (output.length < WRITE_BYTES) return true;
    if (spare) startWrite();
    return false;
  });
  const onError = (error: Error) => copy.abort(error);
  client.on('error', onError);
  client.query(copy);
  try {
    await copy.done;
    // The last chunks may have started one more write after the one under way when COPY ended.
    while (spare === null && !writeFailure) await lastWrite;
    if (writeFailure) throw writeFailure;
  } finally {
    client.off('error', onError);
  }
  await writeAll(output.swap(Buffer.alloc(0)).bytes);
  return { rowCount: copy.rowCount, sizeBytes };
}
