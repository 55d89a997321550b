/** An uploaded avatar as JSON carries it. */
export interface AvatarInput {
  contentType: string;
  dataBase64: string;
}

/** A phone number as people type it: digits with the usual separators. */
export const PHONE = /^\+?[0-9][0-9 ()./-]{1,38}[0-9)]$/;
