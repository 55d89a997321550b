import { readIdempotencyKey } from './idempotency-key';

const codeOf = (header: string | string[] | undefined): string | undefined => {
  const read = readIdempotencyKey(header);
  return 'error' in read ? read.error.code : undefined;
};

describe('readIdempotencyKey', () => {
  it('takes a key of visible ASCII up to 255 characters', () => {
    expect(readIdempotencyKey('a'.repeat(255))).toEqual({ key: 'a'.repeat(255) });
    expect(readIdempotencyKey('5b2c-7f/x:1')).toEqual({ key: '5b2c-7f/x:1' });
  });

  it('names a missing key and a bad one apart', () => {
    expect(codeOf(undefined)).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(codeOf('')).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(codeOf('a'.repeat(256))).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(codeOf('with space')).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(codeOf('é')).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(codeOf(['a', 'b'])).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});

describe('readIdempotencyKey on an optional route', () => {
  it('takes no header as no key, but refuses an empty one', () => {
    expect(readIdempotencyKey(undefined, false)).toEqual({ key: undefined });
    const read = readIdempotencyKey('', false);
    expect('error' in read && read.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect('error' in read && read.error.message).toContain('Idempotency-Key');
  });
});
