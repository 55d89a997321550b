// `@app/service-kit/database`: the parts for services with a database of their own. Apart from the
// main barrel so that the gateway, which has none, does not load TypeORM and pg at every start.
export * from './ensure-database';
export * from './service-database.module';
export * from './prepared-query';
export * from '../idempotency/idempotent-create';
export * from '../idempotency/create-idempotency-keys.migration';
export * from '../idempotency/idempotency-keys-purge';
