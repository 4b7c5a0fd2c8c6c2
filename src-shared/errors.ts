/**
 * The closed set of error codes that may cross the IPC bridge or leave the CLI.
 * Every failure a coordinator can see maps to one of these; the message says what to do.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_channel',
  'forbidden_sender',
  'db_newer_than_app',
  'db_damaged',
  'db_migration_failed',
  'file_rejected',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** An expected failure with a message written for a coordinator. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
