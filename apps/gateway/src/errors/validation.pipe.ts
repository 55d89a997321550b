import { HttpException, ValidationPipe } from '@nestjs/common';
import { describeProblems, errorBody, fieldProblems, validatorOptions } from '@app/contracts';

/** class-validator on every input: unknown fields refused, each problem named by its field. */
export const inputValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    ...validatorOptions,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = fieldProblems(errors);
      return new HttpException(errorBody(400, describeProblems(problems), 'VALIDATION_FAILED', problems), 400);
    },
  });
