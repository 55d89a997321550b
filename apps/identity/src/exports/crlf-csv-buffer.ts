const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Collects PostgreSQL's CSV (records ended by LF) as RFC 4180 wants it and csv.ts writes it (records
 * ended by CRLF): an LF outside quotes ends a record and becomes CRLF; line breaks inside a quoted value
 * stay as they are. The quote state carries over from one chunk to the next (a chunk may end anywhere).
 * Bytes are copied, so a chunk's memory can be reused as soon as `append` returns.
 */
export class CrlfCsvBuffer {
  private buffer: Buffer;
  private size = 0;
  private quoted = false;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  get length(): number {
    return this.size;
  }

  append(chunk: Buffer): void {
    // Worst case every byte is an LF that becomes two bytes.
    if (this.size + 2 * chunk.length > this.buffer.length) this.grow(this.size + 2 * chunk.length);
    const out = this.buffer;
    let at = this.size;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) this.quoted = !this.quoted;
      else if (byte === LF && !this.quoted) out[at++] = CR;
      out[at++] = byte;
    }
    this.size = at;
  }

  /**
   * Hands over what was collected (`bytes`, a view of `storage`) and goes on filling `replacement`,
   * so that the bytes can be written out while more arrive; `storage` can be the next replacement.
   */
  swap(replacement: Buffer): { bytes: Buffer; storage: Buffer } {
    const taken = { bytes: this.buffer.subarray(0, this.size), storage: this.buffer };
    this.buffer = replacement;
    this.size = 0;
    return taken;
  }

  private grow(needed: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(needed, 2 * this.buffer.length));
    this.buffer.copy(bigger, 0, 0, this.size);
    this.buffer = bigger;
  }
}
