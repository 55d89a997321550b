export * from './unstorable-strings';
export * from './nesting-depth';
export * from './input-problems';
