import { birthdayProblem } from './dates';
import { customFieldsProblem } from './custom-fields';
import { AVATAR_MAX_BYTES, avatarProblem, sniffImageType } from './image-check';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);

describe('avatar check', () => {
  it('recognises the four image signatures and nothing else', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a..'))).toBe('image/gif');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('%PDF-1.4'))).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF....WAVE'))).toBeNull();
  });

  it('accepts a matching image and refuses wrong types, mismatches, bad base64, extra keys and size', () => {
    expect(avatarProblem({ contentType: 'image/png', dataBase64: png.toString('base64') })).toBeNull();
    expect(avatarProblem({ contentType: 'image/jpeg', dataBase64: png.toString('base64') })).toMatch(/not the declared/);
    expect(avatarProblem({ contentType: 'image/svg+xml', dataBase64: png.toString('base64') })).toMatch(/contentType/);
    expect(avatarProblem({ contentType: 'image/png', dataBase64: '***' })).toMatch(/base64/);
    expect(avatarProblem({ contentType: 'image/png', dataBase64: png.toString('base64'), url: 'x' })).toMatch(/unknown fields/);
    expect(avatarProblem('image')).toMatch(/object/);
    const big = Buffer.concat([png, Buffer.alloc(AVATAR_MAX_BYTES)]);
    expect(avatarProblem({ contentType: 'image/png', dataBase64: big.toString('base64') })).toMatch(/at most/);
  });
});

describe('custom fields and birthday', () => {
  it('takes flat scalar values under sane keys', () => {
    expect(customFieldsProblem({ jobTitle: 'CEO', level: 3, remote: false })).toBeNull();
    expect(customFieldsProblem({ nested: { a: 1 } })).toMatch(/string, a finite number or a boolean/);
    expect(customFieldsProblem({ '1bad': 'x' })).toMatch(/must start with a letter/);
    expect(customFieldsProblem(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])))).toMatch(/at most 50/);
    expect(customFieldsProblem([1])).toMatch(/object/);
  });

  it('takes a real past date', () => {
    const today = new Date('2024-06-15T12:00:00Z');
    expect(birthdayProblem('1990-02-28', today)).toBeNull();
    expect(birthdayProblem('2024-06-16', today)).toBeNull(); // already the 16th east of UTC+12
    expect(birthdayProblem('2024-06-17', today)).toMatch(/future/);
    expect(birthdayProblem('1990-02-30', today)).toMatch(/calendar/);
    expect(birthdayProblem('15.06.1990', today)).toMatch(/ISO/);
  });
});
