import { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { GATEWAY_CONTROLLERS } from './gateway.controllers';

/** A schema of the document's components (@nestjs/swagger does not export the type from its root). */
type SchemaObject = Exclude<NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string], { $ref: string }>;

// class-transformer exports its metadata store only by file (as class-validator-jsonschema documents).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** Nest's own metadata of a handler's arguments (`@Query()` is type 4), read as @nestjs/swagger reads it. */
const ROUTE_ARGS = '__routeArguments__';
const QUERY_ARGUMENT = '4:';

/**
 * OpenAPI at /api/docs (JSON at /api/docs-json). Nest's scanner finds the routes and which DTO each
 * body or query takes; the DTOs' schemas come from their class-validator rules, the same rules that
 * check every request, so the document cannot drift from what is enforced.
 */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('CRM suite gateway')
    .setDescription('The one HTTP entry of the suite. Errors: { statusCode, error, message, code?, details? }.')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // class-transformer's @Type tells the schema of nested DTOs (`roles` holds RoleAssignmentDto).
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/', classTransformerMetadataStorage: defaultMetadataStorage }) as Record<string, SchemaObject>;
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  document.security = [{ bearer: [] }, { 'api-key': [] }];
  addQueryParameters(document, GATEWAY_CONTROLLERS, schemas);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The query DTOs carry no @ApiProperty, so Nest's scanner lists none of their fields: each property of
 * a route's `@Query()` DTO becomes an optional query parameter, with its class-validator schema.
 */
function addQueryParameters(document: OpenAPIObject, controllers: Type[], schemas: Record<string, SchemaObject>): void {
  const byName = new Map(controllers.map((controller) => [controller.name, controller]));
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const [controllerName, method] = String(operation?.operationId ?? '').split(/_(.*)/);
      const controller = byName.get(controllerName);
      if (!controller || !method) continue;
      const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS, controller, method) ?? {};
      const types: Type[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
      for (const [key, { index, data }] of Object.entries(args)) {
        const schema = key.startsWith(QUERY_ARGUMENT) && data === undefined ? schemas[types[index]?.name] : undefined;
        for (const [name, property] of Object.entries(schema?.properties ?? {})) {
          (operation.parameters ??= []).push({ name, in: 'query', required: false, schema: property });
        }
      }
    }
  }
}
