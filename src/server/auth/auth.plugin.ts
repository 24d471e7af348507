// Who is calling: the session cookie becomes `request.auth`; state-changing requests must carry the CSRF token.

import type { FastifyInstance, FastifyRequest } from "fastify";
import type { IsoInstant } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import type { AccountRecord, AuthSessionRecord } from "../../store/accounts/account.repository.ts";
import type { AppContext } from "../app-context.ts";
import { hashToken, tokensEqual } from "./tokens.ts";

export const SESSION_COOKIE = "alliance_session";
/** How long a sign-in lasts. */
export const SESSION_DAYS = 14;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface Auth {
  readonly account: AccountRecord;
  readonly session: AuthSessionRecord;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

/** The signed-in account, or a 401. */
export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw new DomainError("unauthenticated", "Sign in to continue.");
  return request.auth;
}

export function sessionCookieOptions(ctx: AppContext, expiresAt: IsoInstant) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: ctx.config.secureCookies,
    expires: new Date(expiresAt),
  };
}

/**
 * A state-changing request is accepted from the app's own origin: PUBLIC_URL's, or the host it was
 * sent to. No Origin header (a non-browser client) is fine; `Origin: null` or a malformed one is not.
 */
function originAllowed(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return origin === new URL(publicUrl).origin || (host !== "" && host === request.headers.host);
}

export async function authPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.decorateRequest("auth", null);

  app.addHook("onRequest", async (request) => {
    if (!SAFE_METHODS.has(request.method) && !originAllowed(request, ctx.config.publicUrl)) {
      throw new DomainError("csrf_failed", "This request came from another site and was refused.");
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await ctx.repos.accounts.findLiveAuthSession(hashToken(token), ctx.clock.now());
    if (!session) return;
    const account = await ctx.repos.accounts.findAccountById(session.accountId);
    if (!account) return;
    request.auth = { account, session };
  });

  app.addHook("preHandler", async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.auth) return;
    const header = request.headers["x-csrf-token"];
    if (typeof header !== "string" || !tokensEqual(header, request.auth.session.csrfToken)) {
      throw new DomainError(
        "csrf_failed",
        "Missing or wrong x-csrf-token header; reload the page and try again.",
      );
    }
  });
}
