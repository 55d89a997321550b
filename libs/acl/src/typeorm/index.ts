export * from './scope-columns';
export * from './scope-to-where';
export * from './apply-scope';
export * from './scope-condition';
export * from './record-in-scope';
