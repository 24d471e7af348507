// The typed fetch client: JSON bodies, the session cookie, the CSRF header, and API errors as ApiError.
import type { ApiErrorBody, ApiErrorCode } from "./types.ts";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** An error answered by the API (or `network` when the server could not be reached). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: ApiErrorCode | (string & {});
  /** The failing field for `validation_failed`, e.g. `body.startsAt`. */
  readonly field: string | undefined;

  constructor(status: number, code: ApiErrorCode | (string & {}), message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the token sent as `x-csrf-token` on state-changing requests (from sign-in or /me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when any request answers 401 `unauthenticated` (the session has ended). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = value.error;
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    "message" in error &&
    typeof error.message === "string"
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFrom(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    const { code, message, field } = payload.error;
    return new ApiError(status, code, message, field);
  }
  return new ApiError(
    status,
    status >= 500 ? "internal" : "unknown",
    `Something went wrong (HTTP ${status}). Please try again in a moment.`,
  );
}

async function request(method: Method, path: string, body: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  // Only send a content type with a body: the server rejects an empty JSON body.
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken !== null) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "We couldn't reach Alliance. Check your connection and try again.");
  }
  const payload = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) throw errorFrom(response.status, payload);
  return payload;
}

async function refreshCsrfToken(): Promise<void> {
  const me = await request("GET", "/api/auth/me", undefined);
  if (typeof me === "object" && me !== null && "csrfToken" in me && typeof me.csrfToken === "string") {
    csrfToken = me.csrfToken;
  }
}

async function call(method: Method, path: string, body?: unknown): Promise<unknown> {
  try {
    return await request(method, path, body);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "csrf_failed") {
      // The token may be stale (e.g. signed in again in another tab): fetch a fresh one and retry once.
      await refreshCsrfToken().catch(() => undefined);
      return request(method, path, body);
    }
    if (error.code === "unauthenticated") onUnauthenticated?.();
    throw error;
  }
}

/**
 * The client. Paths are absolute (`/api/...`); the JSON answer is trusted to have the documented
 * shape `T` (docs/api.md). `send` is for requests answered with 204 or whose body is not needed.
 */
export const api = {
  get: <T>(path: string): Promise<T> => call("GET", path) as Promise<T>,
  post: <T>(path: string, body?: unknown): Promise<T> => call("POST", path, body) as Promise<T>,
  patch: <T>(path: string, body: unknown): Promise<T> => call("PATCH", path, body) as Promise<T>,
  put: <T>(path: string, body: unknown): Promise<T> => call("PUT", path, body) as Promise<T>,
  send: async (method: Exclude<Method, "GET">, path: string, body?: unknown): Promise<void> => {
    await call(method, path, body);
  },
};

/** `/api/orgs/:orgId/...` with each segment URL-encoded. */
export function orgPath(orgId: string, ...segments: string[]): string {
  return ["/api/orgs", orgId, ...segments]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join("/");
}

/** Adds `?name=value` pairs, skipping empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const search = params.toString();
  return search === "" ? path : `${path}?${search}`;
}

/** Any thrown value as an ApiError, so pages show one kind of error. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error(error);
  return new ApiError(0, "internal", "Something unexpected went wrong. Please reload the page.");
}
