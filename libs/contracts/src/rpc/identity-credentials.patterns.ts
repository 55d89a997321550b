/** RPC patterns of identity's credentials, mail and export part (DESIGN.md sections 5 and 8). */
export const IdentityCredentialsPatterns = {
  passwordsChange: 'identity.passwords.change',
  passwordsSuggest: 'identity.passwords.suggest',
  passwordResetsCreate: 'identity.password-resets.create',
  passwordResetsCreateOne: 'identity.password-resets.create-one',
  passwordResetsConfirm: 'identity.password-resets.confirm',
  apiKeysGenerate: 'identity.api-keys.generate',
  apiKeysVerify: 'identity.api-keys.verify',
  exportsCreate: 'identity.exports.create',
  exportsGet: 'identity.exports.get',
  exportsRead: 'identity.exports.read',
} as const;

/** The largest chunk `identity.exports.read` hands out at once. */
export const EXPORT_CHUNK_MAX_BYTES = 1024 * 1024;

export interface PasswordSuggestion {
  password: string;
}

/** Mails go out after the reply (see README, credentials): the reply says which users were changed. */
export interface PasswordChanged {
  id: string;
  authStatus: string;
}

export interface PasswordResetsDone {
  items: { id: string; authStatus: 'PASSWORD_RESET'; resetLinkExpiresAt: string }[];
}

export interface ApiKeyIssued {
  keyId: string;
  userId: string;
  organizationId: string;
  /** The key itself: shown this once, only its hash is kept. */
  apiKey: string;
  createdAt: string;
}

export type ExportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ExportJobView {
  id: string;
  entity: string;
  status: ExportStatus;
  requestedBy: string;
  rowCount: number | null;
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ExportChunk {
  /** The bytes from `offset`, base64. */
  data: string;
  /** Size of the whole file, so the reader knows when it is done. */
  sizeBytes: number;
}
