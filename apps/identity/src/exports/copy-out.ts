import { Submittable } from 'pg';

/** What of pg's connection a COPY needs: send the statement, and pause or resume the socket. */
interface CopyConnection {
  query(text: string): void;
  stream: { pause(): void; resume(): void };
}

/**
 * `COPY ... TO STDOUT` run through pg's Submittable hook (the one pg-copy-streams uses): PostgreSQL
 * sends the rows already as CSV bytes (CopyData), which reach `onData` as Buffers, so no string is made
 * per value. A cursor FETCH made ~18 strings per row, and V8 promoted nearly all of them before they
 * died (the export grew the heap by ~70 MiB of garbage for 100,000 users, whatever the batch size).
 *
 * `onData` may keep a chunk only until it returns (pg reuses its read buffer); it returns false to
 * stop reading from the socket until `resume()`, which is how the file's pace reaches the server.
 */
export class CopyOut implements Submittable {
  readonly done: Promise<void>;
  /** Rows copied, from the server's `COPY n` once done. */
  rowCount = 0;
  private connection: CopyConnection | null = null;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  private failure: Error | null = null;

  constructor(
    private readonly statement: string,
    private readonly onData: (chunk: Buffer) => boolean,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: unknown): void {
    this.connection = connection as CopyConnection;
    this.connection.query(this.statement);
  }

  resume(): void {
    this.connection?.stream.resume();
  }

  /** Stops the COPY from the client side: pg's client is then unusable and must be ended. */
  abort(error: Error): void {
    this.failure ??= error;
    this.settle.reject(this.failure);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    if (this.failure) return;
    if (!this.onData(message.chunk)) this.connection?.stream.pause();
  }

  handleCommandComplete(message: { text: string }): void {
    this.rowCount = Number(/^COPY (\d+)$/.exec(message.text)?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    if (this.failure) this.settle.reject(this.failure);
    else this.settle.resolve();
  }

  handleError(error: Error): void {
    this.failure ??= error;
    // A server error is followed by ReadyForQuery, a lost connection by nothing: settle now.
    this.settle.reject(this.failure);
  }

  // pg calls these only for statements that return rows or read from the client; COPY TO does neither.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
}
