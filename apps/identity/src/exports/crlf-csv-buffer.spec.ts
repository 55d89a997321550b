import * as fc from 'fast-check';
import { CrlfCsvBuffer } from './crlf-csv-buffer';

/** A small RFC 4180 reader (CRLF between records), to check that what we write reads back as it was. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  return records;
}

/** PostgreSQL's COPY CSV: quoted when needed (and when empty), quotes doubled, LF after each record. */
const postgresCsv = (records: string[][]): string =>
  records.map((r) => r.map((v) => (v === '' || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',') + '\n').join('');

function convert(text: string, cuts: number[]): string {
  const bytes = Buffer.from(text);
  const output = new CrlfCsvBuffer(8);
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    output.append(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  return output.swap(Buffer.alloc(0)).bytes.toString();
}

describe('CrlfCsvBuffer', () => {
  it('ends records with CRLF and leaves line breaks inside quoted values alone', () => {
    const text = 'id,note\n1,"two\nlines"\n2,"cr\r\nlf ""q"""\n3,\n';
    expect(convert(text, [])).toBe('id,note\r\n1,"two\nlines"\r\n2,"cr\r\nlf ""q"""\r\n3,\r\n');
  });

  it('reads back as the records it was given, wherever the chunks are cut', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'é', '"', ',', '\n', '\r', ';', ' ', '€') });
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (records, cuts) => {
        expect(parseCsv(convert(postgresCsv(records), cuts))).toEqual(records);
      }),
    );
  });

  it('hands over what it gathered and goes on in the replacement', () => {
    const output = new CrlfCsvBuffer(4);
    output.append(Buffer.from('a\nb'));
    const taken = output.swap(Buffer.alloc(4));
    expect(taken.bytes.toString()).toBe('a\r\nb');
    output.append(Buffer.from('\n'));
    expect(output.length).toBe(2);
    expect(output.swap(taken.storage).bytes.toString()).toBe('\r\n');
  });
});
