export * from './change-password.dto';
export * from './reset-passwords.dto';
export * from './confirm-password-reset.dto';
export * from './api-key.dto';
export * from './export.dto';
