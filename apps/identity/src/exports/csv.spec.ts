import { csvField, csvRecord } from './csv';

/** A small RFC 4180 reader, to check that what we write reads back as it was. */
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

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['Lovelace, Ada', '"Lovelace, Ada"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    ['$argon2id$v=19$m=19456,t=2,p=1$abc', '"$argon2id$v=19$m=19456,t=2,p=1$abc"'],
  ])('writes %p as %p', (value, written) => expect(csvField(value)).toBe(written));

  it('writes null as an empty field', () => expect(csvRecord([null, 'a', undefined])).toBe(',a,\r\n'));

  it('reads back what it wrote, whatever the characters', () => {
    const rows = [
      ['id', 'name', 'note'],
      ['1', 'Lovelace, Ada', 'she said "compute"'],
      ['2', 'multi\r\nline', ''],
      ['3', 'ünïcødé;semi', ',,,'],
    ];
    expect(parseCsv(rows.map(csvRecord).join(''))).toEqual(rows);
  });
});
