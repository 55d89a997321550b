import { EXPORT_CHUNK_MAX_BYTES, IdentityRpc } from '@app/contracts';
import { Readable } from 'node:stream';
import { CallContext, RpcClient } from '../rpc/rpc.client';

export interface ExportDownload {
  sizeBytes: number;
  body: Readable;
}

/**
 * An export's file as a stream of chunks read from identity over RPC, one at a time and only as fast
 * as the client takes them (services expose no business HTTP). The first chunk is read before this
 * resolves, so a job that is unknown, not the caller's or not DONE is an error answer, not a broken stream.
 */
export async function openExportDownload(rpc: RpcClient, exportId: string, context: CallContext): Promise<ExportDownload> {
  const read = (offset: number) =>
    rpc.call(IdentityRpc.exportsRead, { exportId, offset, length: EXPORT_CHUNK_MAX_BYTES }, context);
  const first = await read(0);
  async function* chunks(): AsyncGenerator<Buffer> {
    let chunk = Buffer.from(first.data, 'base64');
    let offset = 0;
    while (chunk.length > 0) {
      yield chunk;
      offset += chunk.length;
      if (offset >= first.sizeBytes) return;
      chunk = Buffer.from((await read(offset)).data, 'base64');
    }
  }
  return { sizeBytes: first.sizeBytes, body: Readable.from(chunks(), { objectMode: false }) };
}
