export * from './scope-columns';
export * from './scope-to-where';
export * from './apply-scope';
