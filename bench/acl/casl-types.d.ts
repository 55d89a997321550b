// @casl/ability 7 publishes its types only through package.json "exports", which the repo's
// node10 module resolution does not read; point the bench at them directly.
declare module '@casl/ability' {
  export * from '@casl/ability/dist/types/index';
}
