// Expected failures of the domain, each with a stable code that the server maps to an HTTP status.

export const DOMAIN_ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "session_state_conflict",
  "link_invalid",
  "rate_limited",
  "mail_failed",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A failure the caller can act on: a stable `code`, a human message and, for bad input, the field. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | undefined;

  constructor(code: DomainErrorCode, message: string, field?: string) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.field = field;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
