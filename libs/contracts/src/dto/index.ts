export * from './login.dto';
export * from './create-user.dto';
export * from './validate-dto';
export * from './session-ref.dto';
export * from './list-user-security.dto';
export * from './user-ref.dto';
export * from './credentials';
export * from './directory';
