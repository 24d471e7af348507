// Sign in, sign out, who am I, and password reset by emailed link.

import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { DomainError } from "../../core/shared/domain-error.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { AttemptLimiter } from "../http/attempt-limiter.ts";
import {
  AccountSchema,
  Email,
  errors,
  normalizeEmail,
  SignedInSchema,
  TokenParams,
} from "../http/schemas.ts";
import { rolesFor } from "../organizations/org-viewer.ts";
import { requireAuth, SESSION_COOKIE } from "./auth.plugin.ts";
import { decoyPasswordHash, hashPassword, PASSWORD_LENGTH, verifyPassword } from "./passwords.ts";
import { addHours, publicAccount, startSession } from "./sign-in.ts";
import { hashToken, newToken } from "./tokens.ts";

/** How long a password-reset link works. */
export const RESET_LINK_HOURS = 1;
/** Sign-in attempts allowed per IP address and email in a minute. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;
/** Sign-in attempts allowed per IP address in a minute, whatever the addresses tried. */
export const SIGN_IN_ATTEMPTS_PER_IP_PER_MINUTE = 30;

export const Password = Type.String({ minLength: PASSWORD_LENGTH.min, maxLength: PASSWORD_LENGTH.max });

const RESET_LINK_INVALID = "This password-reset link has expired or was already used. Ask for a new one.";

const RoleList = Type.Array(Type.String());
const MeSchema = Type.Object({
  account: AccountSchema,
  csrfToken: Type.String(),
  organizations: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      roles: RoleList,
      programmes: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), roles: RoleList })),
    }),
  ),
});

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const perIp = new AttemptLimiter(SIGN_IN_ATTEMPTS_PER_IP_PER_MINUTE, 60_000);

  /** The account of an unused, unexpired reset link, or 410. */
  async function openResetLink(tokenHash: string) {
    const reset = await ctx.repos.accounts.findPasswordReset(tokenHash);
    if (!reset || reset.usedAt !== null || reset.expiresAt <= ctx.clock.now()) {
      throw new DomainError("link_invalid", RESET_LINK_INVALID);
    }
    const account = await ctx.repos.accounts.findAccountById(reset.accountId);
    if (!account) throw new DomainError("link_invalid", RESET_LINK_INVALID);
    return { reset, account };
  }

  app.post(
    "/api/auth/sign-in",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign in with email and password",
        body: Type.Object({
          email: Type.String({ maxLength: 254 }),
          password: Type.String({ maxLength: 200 }),
        }),
        response: { 200: SignedInSchema, ...errors(400, 401, 429) },
      },
      // Two limits: per IP across all addresses (spraying), and per IP and address (guessing); the
      // second runs after body parsing, so that its key can include the address being tried.
      onRequest: async (request, reply) => {
        const { limited, retryAfterSeconds } = perIp.hit(request.ip);
        if (limited) {
          reply.header("retry-after", retryAfterSeconds);
          throw new DomainError(
            "rate_limited",
            "Too many sign-in attempts from here. Wait a minute and try again.",
          );
        }
      },
      config: {
        rateLimit: {
          max: SIGN_IN_ATTEMPTS_PER_MINUTE,
          timeWindow: "1 minute",
          hook: "preHandler",
          keyGenerator: (request) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `${request.ip}|${typeof email === "string" ? normalizeEmail(email) : ""}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const account = await ctx.repos.accounts.findAccountByEmail(normalizeEmail(email));
      // Verify against a decoy when the address is unknown, so the answer takes as long either way.
      const valid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!account || !valid)
        throw new DomainError("invalid_credentials", "That email and password do not match.");
      const csrfToken = await startSession(ctx, reply, account.id);
      return { account: publicAccount(account), csrfToken };
    },
  );

  app.post(
    "/api/auth/sign-out",
    { schema: { tags: ["accounts"], summary: "Sign out of this browser", response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await ctx.repos.accounts.deleteAuthSession(hashToken(token));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/auth/me",
    {
      schema: {
        tags: ["accounts"],
        summary: "The signed-in account, its organizations, programmes and roles",
        response: { 200: MeSchema, ...errors(401) },
      },
    },
    async (request) => {
      const { account, session } = requireAuth(request);
      const orgs = await ctx.repos.organizations.listOrganizationsOfAccount(account.id);
      const organizations = [];
      for (const { organization, personId } of orgs) {
        const memberships = await ctx.repos.organizations.listMemberships(organization.id, personId);
        const orgWide = rolesFor(memberships);
        const programmes = await ctx.repos.organizations.listProgrammes(organization.id);
        organizations.push({
          id: organization.id,
          name: organization.name,
          // Organization-wide roles; each programme lists the roles that hold in it.
          roles: orgWide,
          programmes: programmes
            .map((programme) => ({
              id: programme.id,
              name: programme.name,
              roles: rolesFor(memberships, programme.id),
            }))
            .filter((programme) => orgWide.length > 0 || programme.roles.length > 0),
        });
      }
      return { account: publicAccount(account), csrfToken: session.csrfToken, organizations };
    },
  );

  app.post(
    "/api/auth/password-reset",
    {
      schema: {
        tags: ["accounts"],
        summary: "Email a password-reset link (always 202, whether or not the address has an account)",
        body: Type.Object({ email: Email }),
        response: { 202: Type.Object({ status: Type.Literal("sent-if-known") }), ...errors(400, 429) },
      },
      config: { rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const email = normalizeEmail((request.body as { email: string }).email);
      // Answer at once, the same way for known and unknown addresses; the link is made and sent after.
      app.background.run("password-reset mail", async () => {
        const account = await ctx.repos.accounts.findAccountByEmail(email);
        if (!account) return;
        const token = newToken();
        const now = ctx.clock.now();
        await ctx.repos.accounts.insertPasswordReset(
          { tokenHash: hashToken(token), accountId: account.id, expiresAt: addHours(now, RESET_LINK_HOURS) },
          now,
        );
        await ctx.mailer.send({
          to: account.email,
          subject: "Reset your Alliance password",
          text: [
            `Hello ${account.displayName},`,
            "",
            "Someone (we hope you) asked to reset the password of your Alliance account.",
            `Choose a new password here within ${RESET_LINK_HOURS} hour: ${ctx.config.publicUrl}/reset-password?token=${token}`,
            "",
            "If it wasn't you, ignore this email; your password stays as it is.",
          ].join("\n"),
        });
      });
      return reply.status(202).send({ status: "sent-if-known" as const });
    },
  );

  app.get(
    "/api/auth/password-reset/:token",
    {
      schema: {
        tags: ["accounts"],
        summary: "Check a password-reset link before showing the form",
        params: TokenParams,
        response: { 200: Type.Object({ email: Type.String() }), ...errors(410) },
      },
    },
    async (request) => {
      const { token } = request.params as { token: string };
      const { account } = await openResetLink(hashToken(token));
      return { email: account.email };
    },
  );

  app.post(
    "/api/auth/password-reset/:token",
    {
      schema: {
        tags: ["accounts"],
        summary: "Set a new password from a reset link; signs out every session of the account",
        params: TokenParams,
        body: Type.Object({ password: Password }),
        response: { 204: Type.Null(), ...errors(400, 410, 429) },
      },
      config: { rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const { password } = request.body as { password: string };
      const tokenHash = hashToken(token);
      // Check the link before the (deliberately slow) hashing, so forged links cost the server little.
      const { account } = await openResetLink(tokenHash);
      const passwordHash = await hashPassword(password);
      await inTransaction(ctx.database.db, async ({ accounts }) => {
        const now = ctx.clock.now();
        if (!(await accounts.markPasswordResetUsed(tokenHash, now))) {
          throw new DomainError("link_invalid", RESET_LINK_INVALID);
        }
        // Any other link sent to this account stops working too.
        await accounts.markPasswordResetsOfAccountUsed(account.id, now);
        await accounts.updatePasswordHash(account.id, passwordHash);
        await accounts.deleteAuthSessionsOfAccount(account.id);
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );
}
