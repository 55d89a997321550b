export * from './role-body';
export * from './role-rules';
export * from './unique-name';
export * from './locked-row';
export * from './stored-columns';
export * from './role-store';
