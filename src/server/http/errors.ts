// The one error handler: domain error codes and framework errors become JSON errors with the right status.

import type { FastifyError, FastifyInstance } from "fastify";
import { type DomainErrorCode, isDomainError } from "../../core/shared/domain-error.ts";
import { isUniqueViolation, isUnstorableText } from "../../store/database.ts";

/** HTTP status for each domain error code. The core knows nothing of HTTP; this table is the bridge. */
export const STATUS_OF: Readonly<Record<DomainErrorCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  session_state_conflict: 409,
  link_invalid: 410,
  rate_limited: 429,
  mail_failed: 502,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function body(code: string, message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/** `/startsAt/0` → `startsAt.0`, prefixed by where it was (`body`, `params`, `querystring`). */
function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const path = first.instancePath.split("/").filter(Boolean);
  const missing = (first.params as { missingProperty?: unknown }).missingProperty;
  const extra = (first.params as { additionalProperty?: unknown }).additionalProperty;
  if (typeof missing === "string") path.push(missing);
  if (typeof extra === "string") path.push(extra);
  const where = error.validationContext ?? "body";
  return [where, ...path].join(".");
}

function validationMessage(error: FastifyError, field: string | undefined): string {
  const first = error.validation?.[0];
  if (!first || !field) return "The request is not valid.";
  if (first.keyword === "required") return `${field} is required.`;
  if (first.keyword === "additionalProperties") return `${field} is not a known field.`;
  return `${field} ${first.message ?? "is not valid"}.`;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) {
      return reply.status(STATUS_OF[error.code]).send(body(error.code, error.message, error.field));
    }
    if (error.validation) {
      const field = fieldOf(error);
      return reply.status(400).send(body("validation_failed", validationMessage(error, field), field));
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return reply.status(400).send(body("malformed_json", "The request body is not valid JSON."));
      case "FST_ERR_CTP_BODY_TOO_LARGE": {
        // The route's own limit (a transcript upload allows more than the usual 100 KiB).
        const limit = request.routeOptions.bodyLimit ?? 100 * 1024;
        const size =
          limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MiB` : `${Math.round(limit / 1024)} KiB`;
        return reply
          .status(413)
          .send(body("payload_too_large", `The request body is too large (${size} at most).`));
      }
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return reply.status(415).send(body("unsupported_media_type", "Send the body as application/json."));
      default:
        break;
    }
    if (isUnstorableText(error)) {
      return reply
        .status(400)
        .send(
          body("validation_failed", "The request contains characters that cannot be stored (such as NUL)."),
        );
    }
    if (isUniqueViolation(error)) {
      return reply
        .status(409)
        .send(body("conflict", "This clashes with a change made at the same moment. Reload and try again."));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body("rate_limited", "Too many attempts. Wait a minute and try again."));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body("bad_request", error.message));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send(body("internal", "Something went wrong on our side. It has been logged."));
  });
}

export function notFoundBody(method: string, url: string): ErrorBody {
  return body("not_found", `No route ${method} ${url.split("?")[0]}.`);
}
