const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const APOSTROPHE = 0x27;

/** The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;
const STARTS_FORMULA = new Uint8Array(256);
for (const c of FORMULA_STARTS) STARTS_FORMULA[c.charCodeAt(0)] = 1;

/** Where the next byte falls: inside a value, at the start of a field, or just after a field's opening quote. */
const IN_VALUE = 0;
const FIELD_START = 1;
const QUOTED_FIELD_START = 2;

/**
 * Collects PostgreSQL's CSV (records ended by LF) as the export writes it:
 * - records ended by CRLF (RFC 4180, as csv.ts writes): an LF outside quotes ends a record and becomes
 *   CRLF; line breaks inside a quoted value stay as they are;
 * - no cell starts a formula (OWASP): a value whose first character is one of FORMULA_STARTS gets a
 *   `'` in front, inside its quotes if it has them, so it reads back as text with the quote shown.
 * Bytes are enough for both: those characters are ASCII, and UTF-8 never uses ASCII bytes inside a
 * longer character. The quote and field states carry over from one chunk to the next (a chunk may end
 * anywhere). Bytes are copied, so a chunk's memory can be reused as soon as `append` returns.
 */
export class ExportCsvBuffer {
  private buffer: Buffer;
  private size = 0;
  private quoted = false;
  private at = FIELD_START;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  get length(): number {
    return this.size;
  }

  append(chunk: Buffer): void {
    // Worst case every byte becomes two: an LF its CRLF, a field's first byte its `'` and itself.
    if (this.size + 2 * chunk.length > this.buffer.length) this.grow(this.size + 2 * chunk.length);
    const out = this.buffer;
    let size = this.size;
    let quoted = this.quoted;
    let at = this.at;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      // The fast path, for most bytes: inside a value and above the quote, LF and comma (all <= ',').
      if (byte > COMMA && at === IN_VALUE) {
        out[size++] = byte;
        continue;
      }
      if (at !== IN_VALUE) {
        if (at === FIELD_START && byte === QUOTE) {
          // The opening quote: the value's first character comes next.
          quoted = true;
          at = QUOTED_FIELD_START;
          out[size++] = byte;
          continue;
        }
        if (STARTS_FORMULA[byte] === 1) out[size++] = APOSTROPHE;
        at = IN_VALUE;
      }
      if (byte === QUOTE) quoted = !quoted;
      else if (!quoted) {
        if (byte === LF) {
          out[size++] = CR;
          at = FIELD_START;
        } else if (byte === COMMA) at = FIELD_START;
      }
      out[size++] = byte;
    }
    this.size = size;
    this.quoted = quoted;
    this.at = at;
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
