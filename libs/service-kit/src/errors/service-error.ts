import { ErrorBody, errorBody, FieldProblem, describeProblems } from '@app/contracts';

/** An error a service answers with on purpose; its body travels to the gateway as it is. */
export class ServiceError extends Error {
  readonly body: ErrorBody;

  constructor(statusCode: number, message: string, code?: string, details?: unknown) {
    super(message);
    this.body = errorBody(statusCode, message, code, details);
  }

  static badInput(problems: FieldProblem[]): ServiceError {
    return new ServiceError(400, describeProblems(problems), 'VALIDATION_FAILED', problems);
  }

  static notFound(what: string, code = 'NOT_FOUND'): ServiceError {
    return new ServiceError(404, `${what} was not found`, code);
  }
}
