import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { fieldProblems, validatorOptions } from '@app/contracts';
import { badInput } from './bad-input';

/** class-validator on every input: unknown fields refused, each problem named by its field. */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ ...validatorOptions, transform: true, exceptionFactory: (errors) => badInput(fieldProblems(errors)) });
  }

  /** A body must be one JSON object; class-validator would otherwise check an array item by item. */
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw badInput([{ field: '(body)', messages: ['the body must be a JSON object'] }]);
    }
    return super.transform(value, metadata);
  }
}
