/**
 * Avatar rules, shared by the gateway's DTOs and identity: the declared type must be one of the
 * accepted images and the bytes must start with that type's signature (a renamed PDF is refused).
 */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];
export const AVATAR_MAX_BYTES = 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes' signature says, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): AvatarType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** What is wrong with an `{ contentType, dataBase64 }` value, or null when it is an acceptable avatar. */
export function avatarProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'avatar must be an object { contentType, dataBase64 }';
  const { contentType, dataBase64, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) return `avatar has unknown fields: ${extra.join(', ')}`;
  if (typeof contentType !== 'string' || !(AVATAR_TYPES as readonly string[]).includes(contentType)) {
    return `avatar contentType must be one of ${AVATAR_TYPES.join(', ')}`;
  }
  if (typeof dataBase64 !== 'string' || dataBase64.length === 0) return 'avatar dataBase64 must be a non-empty base64 string';
  if (dataBase64.length > Math.ceil(AVATAR_MAX_BYTES / 3) * 4) return `avatar must be at most ${AVATAR_MAX_BYTES} bytes`;
  if (!BASE64.test(dataBase64)) return 'avatar dataBase64 is not valid base64';
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > AVATAR_MAX_BYTES) return `avatar must be at most ${AVATAR_MAX_BYTES} bytes`;
  const sniffed = sniffImageType(bytes);
  if (sniffed === null) return 'avatar is not a PNG, JPEG, GIF or WebP image';
  if (sniffed !== contentType) return `avatar content is ${sniffed}, not the declared ${contentType}`;
  return null;
}
