// Invitations: an admin invites someone by email to a programme with a role; the link signs them up or in.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type {
  AccountId,
  InvitationId,
  IsoInstant,
  MembershipId,
  PersonId,
  ProgrammeId,
} from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { ROLE_LABELS, type Role } from "../../core/shared/roles.ts";
import type { InvitationRecord } from "../../store/organizations/invitation.repository.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import { Password } from "../auth/auth.routes.ts";
import { hashPassword } from "../auth/passwords.ts";
import { addDays, publicAccount, startSession } from "../auth/sign-in.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import {
  Email,
  errors,
  Id,
  normalizeEmail,
  OrgParams,
  SignedInSchema,
  TokenParams,
} from "../http/schemas.ts";
import { allows, authorize, resolveOrgViewer } from "./org-viewer.ts";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

const INVITATION_INVALID =
  "This invitation has expired or was already accepted. Ask your programme admin for a new one.";

const RoleSchema = Type.Union([
  Type.Literal("admin"),
  Type.Literal("coach"),
  Type.Literal("coachee"),
  Type.Literal("sponsor"),
  Type.Literal("supervisor"),
  Type.Literal("researcher"),
]);
const DisplayName = Type.String({ minLength: 1, maxLength: 120 });

const InvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  programmeId: Type.String(),
  role: Type.String(),
  status: Type.Union([Type.Literal("pending"), Type.Literal("accepted"), Type.Literal("expired")]),
  expiresAt: Type.String(),
});

function invitationView(invitation: InvitationRecord, now: IsoInstant) {
  const status =
    invitation.acceptedAt !== null ? "accepted" : invitation.expiresAt <= now ? "expired" : "pending";
  return {
    id: invitation.id,
    email: invitation.email,
    displayName: invitation.displayName,
    programmeId: invitation.programmeId,
    role: invitation.role,
    status: status as "pending" | "accepted" | "expired",
    expiresAt: invitation.expiresAt,
  };
}

export async function invitationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    "/api/orgs/:orgId/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary: "Invite someone by email to a programme with a role (admins)",
        params: OrgParams,
        body: Type.Object(
          { email: Email, displayName: DisplayName, programmeId: Id, role: RoleSchema },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ invitation: InvitationSchema }),
          ...errors(400, 401, 403, 404, 409, 502),
        },
      },
    },
    async (request, reply) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const { displayName, role } = request.body;
      const email = normalizeEmail(request.body.email);
      const programme = await ctx.repos.organizations.findProgramme(
        viewer.orgId,
        request.body.programmeId as ProgrammeId,
      );
      if (!programme) throw new DomainError("not_found", "No such programme.", "body.programmeId");
      authorize(viewer.viewerFor(programme.id), { type: "invitation" }, "change", "invitation");

      const existing = await ctx.repos.organizations.findPersonByEmail(viewer.orgId, email);
      if (existing) {
        const roles = await ctx.repos.organizations.listMemberships(viewer.orgId, existing.id);
        if (roles.some((m) => m.programmeId === programme.id && m.role === role)) {
          throw new DomainError(
            "conflict",
            `${email} is already a ${role} in ${programme.name}.`,
            "body.email",
          );
        }
      }
      const now = ctx.clock.now();
      const token = newToken();
      const invitation: InvitationRecord = {
        organizationId: viewer.orgId,
        id: ctx.ids.newId() as InvitationId,
        tokenHash: hashToken(token),
        email,
        displayName,
        programmeId: programme.id,
        role,
        invitedBy: viewer.person.id,
        expiresAt: addDays(now, INVITATION_DAYS),
        acceptedAt: null,
      };
      await inTransaction(ctx.database.db, async (repos) => {
        // Take the programme's write lock first, so that two admins inviting the same person at the
        // same moment are served one after the other and the second sees the first's invitation.
        await repos.organizations.lockProgramme(viewer.orgId, programme.id);
        const open = await repos.invitations.listInvitations(viewer.orgId);
        if (
          open.some(
            (i) =>
              i.email === email &&
              i.programmeId === programme.id &&
              i.role === role &&
              i.acceptedAt === null &&
              i.expiresAt > now,
          )
        ) {
          throw new DomainError(
            "conflict",
            `${email} already has an open invitation as ${role} in ${programme.name}.`,
            "body.email",
          );
        }
        await repos.invitations.insertInvitation(invitation, now);
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "invitation.sent",
          entityType: "invitation",
          entityId: invitation.id,
          detail: { programmeId: programme.id, role },
        });
      });
      const org = await ctx.repos.organizations.findOrganizationById(viewer.orgId);
      try {
        await ctx.mailer.send({
          to: email,
          subject: `You're invited to ${programme.name} on Alliance`,
          text: [
            `Hello ${displayName},`,
            "",
            `${viewer.person.displayName} invites you to join ${programme.name} (${org?.name ?? "Alliance"}) as ${ROLE_LABELS[role].toLowerCase()}.`,
            `Accept within ${INVITATION_DAYS} days: ${ctx.config.publicUrl}/invite?token=${token}`,
          ].join("\n"),
        });
      } catch (error) {
        // The link exists only in this email; without it the invitation is useless, so withdraw it.
        request.log.error({ err: error }, "invitation mail failed");
        await inTransaction(ctx.database.db, async (repos) => {
          await repos.invitations.expireInvitation(viewer.orgId, invitation.id, ctx.clock.now());
          await recordAudit(ctx, repos, {
            organizationId: viewer.orgId,
            actorPersonId: null,
            action: "invitation.withdrawn",
            entityType: "invitation",
            entityId: invitation.id,
            detail: { reason: "mail_failed" },
          });
        });
        throw new DomainError(
          "mail_failed",
          `The invitation email to ${email} could not be sent, so the invitation was withdrawn. Try again, or check the mail settings.`,
        );
      }
      return reply.status(201).send({ invitation: invitationView(invitation, now) });
    },
  );

  api.get(
    "/api/orgs/:orgId/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary: "Invitations sent in this organization (admins)",
        params: OrgParams,
        response: { 200: Type.Object({ invitations: Type.Array(InvitationSchema) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
      const all = await ctx.repos.invitations.listInvitations(viewer.orgId);
      const now = ctx.clock.now();
      const visible = all.filter((invitation) =>
        allows(viewer.viewerFor(invitation.programmeId), { type: "invitation" }, "read"),
      );
      return { invitations: visible.map((invitation) => invitationView(invitation, now)) };
    },
  );

  api.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: ["invitations"],
        summary: "What an invitation link is for, before accepting it",
        params: TokenParams,
        response: {
          200: Type.Object({
            organizationName: Type.String(),
            programmeName: Type.String(),
            role: Type.String(),
            email: Type.String(),
            displayName: Type.String(),
            accountExists: Type.Boolean(),
          }),
          ...errors(410),
        },
      },
    },
    async (request) => {
      const invitation = await openInvitation(ctx, request.params.token);
      const org = await ctx.repos.organizations.findOrganizationById(invitation.organizationId);
      const programme = await ctx.repos.organizations.findProgramme(
        invitation.organizationId,
        invitation.programmeId,
      );
      const account = await ctx.repos.accounts.findAccountByEmail(invitation.email);
      return {
        organizationName: org?.name ?? "",
        programmeName: programme?.name ?? "",
        role: invitation.role,
        email: invitation.email,
        displayName: invitation.displayName,
        accountExists: account !== undefined,
      };
    },
  );

  api.post(
    "/api/invitations/:token/accept",
    {
      schema: {
        tags: ["invitations"],
        summary: "Accept an invitation: creates the account (new address) and signs in",
        params: TokenParams,
        body: Type.Object(
          { password: Type.Optional(Password), displayName: Type.Optional(DisplayName) },
          { additionalProperties: false },
        ),
        response: { 200: SignedInSchema, ...errors(400, 401, 409, 410) },
      },
    },
    async (request, reply) => {
      const invitation = await openInvitation(ctx, request.params.token);
      const existing = await ctx.repos.accounts.findAccountByEmail(invitation.email);
      if (existing && request.auth?.account.id !== existing.id) {
        throw new DomainError("unauthenticated", `Sign in as ${invitation.email} to accept this invitation.`);
      }
      if (!existing && request.auth) {
        throw new DomainError(
          "conflict",
          `You are signed in as ${request.auth.account.email}. Sign out first to accept this invitation for ${invitation.email}.`,
        );
      }
      const { password } = request.body;
      if (!existing && password === undefined) {
        throw new DomainError(
          "validation_failed",
          "Choose a password (12 characters or more).",
          "body.password",
        );
      }
      const displayName = request.body.displayName?.trim() || invitation.displayName;
      const passwordHash = existing ? null : await hashPassword(password ?? "");
      const now = ctx.clock.now();
      const accountId = existing?.id ?? (ctx.ids.newId() as AccountId);
      await inTransaction(ctx.database.db, async (repos) => {
        if (
          !(await repos.invitations.markInvitationAccepted(invitation.organizationId, invitation.id, now))
        ) {
          throw new DomainError("link_invalid", INVITATION_INVALID);
        }
        if (passwordHash !== null) {
          await repos.accounts.insertAccount(
            { id: accountId, email: invitation.email, displayName, passwordHash },
            now,
          );
        }
        const org = invitation.organizationId;
        let person = await repos.organizations.findPersonByEmail(org, invitation.email);
        if (!person) {
          person = {
            organizationId: org,
            id: ctx.ids.newId() as PersonId,
            accountId,
            displayName,
            email: invitation.email,
          };
          await repos.organizations.insertPerson(person, now);
        } else if (person.accountId === null) {
          await repos.organizations.linkPersonToAccount(org, person.id, accountId);
        }
        const role: Role = invitation.role;
        const held = await repos.organizations.listMemberships(org, person.id);
        if (!held.some((m) => m.programmeId === invitation.programmeId && m.role === role)) {
          await repos.organizations.insertMembership(
            {
              organizationId: org,
              id: ctx.ids.newId() as MembershipId,
              personId: person.id,
              programmeId: invitation.programmeId,
              role,
            },
            now,
          );
        }
        await recordAudit(ctx, repos, {
          organizationId: org,
          actorPersonId: person.id,
          action: "invitation.accepted",
          entityType: "invitation",
          entityId: invitation.id,
          detail: { programmeId: invitation.programmeId, role },
        });
      });
      const account = await ctx.repos.accounts.findAccountById(accountId);
      if (!account) throw new Error("account vanished after accepting an invitation");
      const csrfToken = request.auth?.session.csrfToken ?? (await startSession(ctx, reply, account.id));
      return { account: publicAccount(account), csrfToken };
    },
  );
}

async function openInvitation(ctx: AppContext, token: string): Promise<InvitationRecord> {
  const invitation = await ctx.repos.invitations.findInvitationByTokenHash(hashToken(token));
  if (!invitation || invitation.acceptedAt !== null || invitation.expiresAt <= ctx.clock.now()) {
    throw new DomainError("link_invalid", INVITATION_INVALID);
  }
  return invitation;
}
