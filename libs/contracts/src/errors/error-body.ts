/** The one error shape of every HTTP answer and RPC error (DESIGN.md section 8). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
}

/** One problem with one input field: `field` is a dotted path such as `roles.0.roleId`. */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/** One field with one message. */
export const fieldProblem = (field: string, message: string): FieldProblem => ({ field, messages: [message] });

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export const reasonPhrase = (statusCode: number): string => reasonPhrases[statusCode] ?? 'Error';

export const errorBody = (statusCode: number, message: string, code?: string, details?: unknown): ErrorBody => ({
  statusCode,
  error: reasonPhrase(statusCode),
  message,
  ...(code ? { code } : {}),
  ...(details !== undefined ? { details } : {}),
});

export const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ErrorBody).statusCode === 'number' &&
  typeof (value as ErrorBody).message === 'string';
