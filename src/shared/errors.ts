import { messages } from '#src/shared/i18n/fr.ts';

export type AppErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'unauthenticated'
  | 'session_expired'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'account_locked'
  | 'rate_limited'
  | 'internal';

/** The one code → HTTP status map; a new code does not compile until it is mapped here. */
export const statusOf = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<AppErrorCode, number>;

export type FieldIssue = { path: string; message: string };

/** The JSON body of every error response; `details` carries what the client needs to resolve a conflict. */
export type ErrorBody = {
  code: AppErrorCode;
  message: string;
  issues?: FieldIssue[];
  details?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly issues: FieldIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: AppErrorCode,
    options: { message?: string; issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const userMessage = options.message ?? messages.errors[code];
    super(userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.issues = options.issues;
    this.details = options.details;
  }

  get status(): number {
    return statusOf[this.code];
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.userMessage,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** A record the actor may not see answers exactly like a missing one. */
export const notFound = () => new AppError('not_found');

export function fieldError(path: string, message: string): AppError {
  return new AppError('validation_failed', { issues: [{ path, message }] });
}
