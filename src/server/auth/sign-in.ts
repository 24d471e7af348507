// Starting and ending a signed-in session: a random cookie token stored hashed, with its own CSRF token.

import type { FastifyReply } from "fastify";
import type { AccountId, IsoInstant } from "../../core/shared/brand.ts";
import type { AccountRecord } from "../../store/accounts/account.repository.ts";
import type { AppContext } from "../app-context.ts";
import { SESSION_COOKIE, SESSION_DAYS, sessionCookieOptions } from "./auth.plugin.ts";
import { hashToken, newToken } from "./tokens.ts";

export function addDays(at: IsoInstant, days: number): IsoInstant {
  return new Date(Date.parse(at) + days * 86_400_000).toISOString() as IsoInstant;
}

export function addHours(at: IsoInstant, hours: number): IsoInstant {
  return new Date(Date.parse(at) + hours * 3_600_000).toISOString() as IsoInstant;
}

/** Signs `accountId` in on this reply and returns the CSRF token the client must echo. */
export async function startSession(
  ctx: AppContext,
  reply: FastifyReply,
  accountId: AccountId,
): Promise<string> {
  const token = newToken();
  const csrfToken = newToken();
  const now = ctx.clock.now();
  const expiresAt = addDays(now, SESSION_DAYS);
  await ctx.repos.accounts.insertAuthSession(
    { tokenHash: hashToken(token), accountId, csrfToken, expiresAt },
    now,
  );
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx, expiresAt));
  return csrfToken;
}

export function publicAccount(account: AccountRecord) {
  return { id: account.id, email: account.email, displayName: account.displayName };
}
