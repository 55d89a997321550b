export * from './login.dto';
export * from './create-user.dto';
export * from './validate-dto';
