/**
 * The service's TypeORM DataSource, as the bus, health and metrics modules inject it. TypeORM's own
 * token is its DataSource class, and naming it loads TypeORM (about 300 modules): the gateway, which
 * has no database, would load them at every start only to learn a token it never injects.
 * ServiceDatabaseModule (`@app/service-kit/database`) provides this token for services with a database.
 */
export const SERVICE_DATA_SOURCE = Symbol('SERVICE_DATA_SOURCE');
