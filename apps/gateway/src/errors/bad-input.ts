import { HttpException } from '@nestjs/common';
import { describeProblems, errorBody, FieldProblem } from '@app/contracts';

/** The 400 of bad input: each problem named by its field, in the message and the details. */
export const badInput = (problems: FieldProblem[]): HttpException =>
  new HttpException(errorBody(400, describeProblems(problems), 'VALIDATION_FAILED', problems), 400);
