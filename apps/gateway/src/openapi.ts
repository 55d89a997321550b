import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

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
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(schemas as object) } };
  document.security = [{ bearer: [] }, { 'api-key': [] }];
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
