// Per-project testTimeout is not honoured by jest 30; end-to-end tests start processes and wait on them.
jest.setTimeout(120_000);
