import { parse } from 'csv-parse/sync';
import * as fc from 'fast-check';
import { ExportCsvBuffer, FORMULA_STARTS } from './export-csv-buffer';

/** RFC 4180 as the export writes it, CRLF between records: what we write must read back as it was. */
const parseCsv = (text: string): string[][] => parse(text, { record_delimiter: '\r\n' });

/**
 * PostgreSQL's COPY CSV: NULL as nothing, a value quoted when needed (and when empty), quotes doubled,
 * LF after each record.
 */
const postgresCsv = (records: (string | null)[][]): string =>
  records
    .map((r) => r.map((v) => (v === null ? '' : v === '' || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',') + '\n')
    .join('');

/** What a cell should read back as: the value, with a `'` in front when it would start a formula. */
const neutralised = (value: string | null): string => (value === null ? '' : (FORMULA_STARTS as readonly string[]).includes(value[0]) ? `'${value}` : value);

function convert(text: string, cuts: number[]): string {
  const bytes = Buffer.from(text);
  const output = new ExportCsvBuffer(8);
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    output.append(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  return output.swap(Buffer.alloc(0)).bytes.toString();
}

const value = fc.option(fc.string({ unit: fc.constantFrom('a', 'é', '"', ',', '\n', '\r', '\t', ';', ' ', '€', '=', '+', '-', '@', "'") }), { freq: 5 });
// Every record of a file has as many fields as the header.
const records = fc.integer({ min: 2, max: 4 }).chain((width) => fc.array(fc.array(value, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
const cuts = fc.array(fc.nat(), { maxLength: 6 });

describe('ExportCsvBuffer', () => {
  it('ends records with CRLF and leaves line breaks inside quoted values alone', () => {
    const text = 'id,note\n1,"two\nlines"\n2,"cr\r\nlf ""q"""\n3,\n';
    expect(convert(text, [])).toBe('id,note\r\n1,"two\nlines"\r\n2,"cr\r\nlf ""q"""\r\n3,\r\n');
  });

  it('puts a quote in front of every cell that would start a formula, inside its double quotes if any', () => {
    const text = 'firstName,phone,x,y\n"=HYPERLINK(""http://x"")",+44 20,-1,@SUM(A1)\n"\rcr",\ttab,"-,a",a=b\n"""=q""",,"",\'=\n';
    expect(convert(text, [])).toBe(
      'firstName,phone,x,y\r\n"\'=HYPERLINK(""http://x"")",\'+44 20,\'-1,\'@SUM(A1)\r\n"\'\rcr",\'\ttab,"\'-,a",a=b\r\n"""=q""",,"",\'=\r\n',
    );
  });

  it('reads back as the records it was given, formula starts neutralised, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(records, cuts, (given, at) => {
        expect(parseCsv(convert(postgresCsv(given), at))).toEqual(given.map((record) => record.map(neutralised)));
      }),
    );
  });

  it('never leaves a cell starting with = + - @ tab or CR', () => {
    fc.assert(
      fc.property(records, cuts, (given, at) => {
        for (const cell of parseCsv(convert(postgresCsv(given), at)).flat()) expect(FORMULA_STARTS).not.toContain(cell[0]);
      }),
    );
  });

  it('hands over what it gathered and goes on in the replacement', () => {
    const output = new ExportCsvBuffer(4);
    output.append(Buffer.from('a\nb'));
    const taken = output.swap(Buffer.alloc(4));
    expect(taken.bytes.toString()).toBe('a\r\nb');
    output.append(Buffer.from('\n'));
    expect(output.length).toBe(2);
    expect(output.swap(taken.storage).bytes.toString()).toBe('\r\n');
  });
});
