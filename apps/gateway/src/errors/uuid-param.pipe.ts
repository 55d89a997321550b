import { HttpException, ParseUUIDPipe } from '@nestjs/common';
import { errorBody } from '@app/contracts';

/** A path id that must be a UUID; the 400 names the parameter. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () => {
      const problems = [{ field: name, messages: [`${name} must be a UUID`] }];
      return new HttpException(errorBody(400, `${name}: ${name} must be a UUID`, 'VALIDATION_FAILED', problems), 400);
    },
  });
