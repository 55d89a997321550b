/** The gateway's one error shape (DESIGN.md section 8). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
}

/** A 400's `details`: each problem named by its field (`roles`, `permissions.2.level`, `(body)`). */
interface FieldProblem {
  field: string;
  messages: string[];
}

const isFieldProblems = (details: unknown): details is FieldProblem[] =>
  Array.isArray(details) && details.every((d) => typeof d?.field === 'string' && Array.isArray(d?.messages));

/** A refused call: the status, the code, the message, and the messages per field for a form. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly details: unknown;
  /** Field name → its messages joined, for `error` props beside the inputs; `(body)` when no field. */
  readonly fieldErrors: Record<string, string>;

  constructor(body: ErrorBody) {
    super(body.message);
    this.status = body.statusCode;
    this.code = body.code;
    this.details = body.details;
    this.fieldErrors = isFieldProblems(body.details) ? Object.fromEntries(body.details.map((p) => [p.field, p.messages.join('; ')])) : {};
  }

  /** The message for one field, or undefined (then the form shows `message` as a whole). */
  forField(field: string): string | undefined {
    return this.fieldErrors[field];
  }

  /** Whether some message names none of the given fields: the form shows it above its button. */
  hasProblemsBeside(fields: string[]): boolean {
    const named = Object.keys(this.fieldErrors);
    return named.length === 0 || named.some((field) => !fields.includes(field));
  }
}

/** Whatever a fetch may throw, as an ApiError (network failures become status 0). */
export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ statusCode: 0, error: 'Network Error', message: error instanceof Error ? error.message : String(error), code: 'NETWORK' });
