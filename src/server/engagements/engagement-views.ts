// What engagement and session routes share: schemas, views of records, and lookups through the policy.

import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import {
  type Action,
  may,
  type RecordType,
  type Subject,
  type Viewer,
} from "../../core/contracts/visibility.ts";
import { SESSION_MINUTES } from "../../core/sessions/session-lifecycle.ts";
import type { EngagementId, IsoInstant, PersonId, ProgrammeId, SessionId } from "../../core/shared/brand.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import type { Role } from "../../core/shared/roles.ts";
import {
  type EngagementRecord,
  type NoteRecord,
  partiesOf,
  type SessionInContext,
  type SessionRecord,
} from "../../store/engagements/engagement.repository.ts";
import type { AppContext } from "../app-context.ts";
import { Id } from "../http/schemas.ts";
import { authorize, type OrgViewer, resolveOrgViewer } from "../organizations/org-viewer.ts";

export const Mode = Type.Union([Type.Literal("in_person"), Type.Literal("video"), Type.Literal("phone")]);
export const Duration = Type.Integer({ minimum: SESSION_MINUTES.min, maximum: SESSION_MINUTES.max });
const PersonRefSchema = Type.Object({ id: Type.String(), displayName: Type.String() });
const Counts = Type.Object({
  scheduled: Type.Integer(),
  held: Type.Integer(),
  cancelled: Type.Integer(),
});

/** How many sessions an engagement may plan: 1 to 100. */
export const PlannedSessions = Type.Integer({ minimum: 1, maximum: 100 });

export const EngagementSchema = Type.Object({
  id: Type.String(),
  programmeId: Type.String(),
  programmeName: Type.String(),
  status: Type.String(),
  coach: PersonRefSchema,
  coachee: PersonRefSchema,
  sponsor: Type.Union([PersonRefSchema, Type.Null()]),
  viewerRelation: Type.Union([
    Type.Literal("coach"),
    Type.Literal("coachee"),
    Type.Literal("sponsor"),
    Type.Literal("none"),
  ]),
  nextSession: Type.Union([Type.Object({ id: Type.String(), startsAt: Type.String() }), Type.Null()]),
  sessionCounts: Type.Union([Counts, Type.Null()]),
  /** Sessions planned; the one with this number is the last (five pillars and side effects are asked). */
  plannedSessions: Type.Union([Type.Integer(), Type.Null()]),
  /** Whether the coachee turned the wellbeing screen on; null for anyone but the coachee. */
  wellbeingScreen: Type.Union([Type.Boolean(), Type.Null()]),
});

export const SessionSchema = Type.Object({
  id: Type.String(),
  engagementId: Type.String(),
  status: Type.String(),
  startsAt: Type.String(),
  durationMinutes: Type.Integer(),
  mode: Type.String(),
  heldAt: Type.Union([Type.String(), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Object({ change: Type.Boolean(), markHeld: Type.Boolean() }),
});

export const NoteSchema = Type.Object({
  id: Type.String(),
  visibility: Type.String(),
  body: Type.String(),
  authorName: Type.String(),
  createdAt: Type.String(),
});

export const SessionParams = Type.Object({ orgId: Id, sessionId: Id });
export const EngagementParams = Type.Object({ orgId: Id, engagementId: Id });

function relationOf(viewer: Viewer, engagement: EngagementRecord): "coach" | "coachee" | "sponsor" | "none" {
  if (engagement.coach.id === viewer.personId) return "coach";
  if (engagement.coachee.id === viewer.personId) return "coachee";
  if (engagement.sponsor?.id === viewer.personId) return "sponsor";
  return "none";
}

export function sessionSubject(engagement: EngagementRecord | SessionInContext): Subject {
  return {
    type: "session",
    engagement: "parties" in engagement ? engagement.parties : partiesOf(engagement),
  };
}

/**
 * A session as the API shows it, with what the viewer may do to it now: `change` (edit or cancel) while
 * it is scheduled, `markHeld` once it has also started.
 */
export function sessionView(session: SessionRecord, canChange: boolean, now: IsoInstant) {
  return {
    id: session.id,
    engagementId: session.engagementId,
    status: session.status,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    heldAt: session.heldAt,
    cancelReason: session.cancelReason,
    permissions: {
      change: canChange && session.status === "scheduled",
      markHeld: canChange && session.status === "scheduled" && session.startsAt <= now,
    },
  };
}

export function noteSubject(note: NoteRecord, session: SessionInContext): Subject {
  return {
    type: note.visibility === "shared" ? "shared_note" : "coach_private_note",
    engagement: session.parties,
    authorId: note.author.id,
  };
}

/**
 * A validated `date-time` string as an ISO instant in UTC. The JSON-schema format admits strings that
 * are no real instant (a leap second, `…T23:59:60Z`) or far out of range (year 0000 or 10000); those
 * are bad input, named by `field`.
 */
export function toInstant(value: string, field: string): IsoInstant {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new DomainError("validation_failed", `${field} is not a real point in time.`, field);
  }
  const iso = new Date(ms).toISOString();
  // Years outside 2000–9999 are typing mistakes here, and would not sort as text with the others.
  if (!/^(2\d{3}|[3-9]\d{3})-/.test(iso)) {
    throw new DomainError("validation_failed", `${field} must be between the years 2000 and 9999.`, field);
  }
  return iso as IsoInstant;
}

/**
 * The engagement a request names (`orgId`, `engagementId`), for a viewer allowed to `action` its record of
 * `type` (404 when they may not read it, 403 when they may read but not change it), with the viewer's
 * roles there and the engagement's parties.
 */
export async function engagementFor(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { orgId: string; engagementId: string } }>,
  type: RecordType,
  action: Action,
) {
  const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
  const engagement = await findReadableEngagement(ctx, viewer, request.params.engagementId);
  const who = viewer.viewerFor(engagement.programmeId);
  const parties = partiesOf(engagement);
  authorize(who, { type, engagement: parties }, action, "engagement");
  return { viewer, engagement, who, parties };
}

export async function findReadableEngagement(
  ctx: AppContext,
  viewer: OrgViewer,
  id: string,
): Promise<EngagementRecord> {
  const engagement = await ctx.repos.engagements.findEngagement(viewer.orgId, id as EngagementId);
  if (!engagement) throw new DomainError("not_found", "No such engagement.");
  authorize(
    viewer.viewerFor(engagement.programmeId),
    { type: "engagement", engagement: partiesOf(engagement) },
    "read",
    "engagement",
  );
  return engagement;
}

export async function findSession(
  ctx: AppContext,
  viewer: OrgViewer,
  id: string,
): Promise<{ session: SessionInContext; engagement: EngagementRecord }> {
  const session = await ctx.repos.engagements.findSessionInContext(viewer.orgId, id as SessionId);
  if (!session) throw new DomainError("not_found", "No such session.");
  const engagement = await ctx.repos.engagements.findEngagement(viewer.orgId, session.engagementId);
  if (!engagement) throw new DomainError("not_found", "No such session.");
  return { session, engagement };
}

/** Checks that a person exists in the organization and holds `role` in the programme. */
export async function personWithRole(
  ctx: AppContext,
  viewer: OrgViewer,
  programmeId: ProgrammeId,
  personId: string,
  role: Role,
  field: string,
): Promise<PersonId> {
  const person = await ctx.repos.organizations.findPersonById(viewer.orgId, personId as PersonId);
  if (!person) throw new DomainError("not_found", `No such person (${field}).`, field);
  const memberships = await ctx.repos.organizations.listMemberships(viewer.orgId, person.id);
  if (
    !memberships.some((m) => m.role === role && (m.programmeId === programmeId || m.programmeId === null))
  ) {
    throw new DomainError(
      "validation_failed",
      `${person.displayName} is not a ${role} in this programme.`,
      field,
    );
  }
  return person.id;
}

export function engagementView(engagement: EngagementRecord, viewer: Viewer) {
  return {
    id: engagement.id,
    programmeId: engagement.programmeId,
    programmeName: engagement.programmeName,
    status: engagement.status,
    coach: engagement.coach,
    coachee: engagement.coachee,
    sponsor: engagement.sponsor,
    viewerRelation: relationOf(viewer, engagement),
    plannedSessions: engagement.plannedSessions,
    wellbeingScreen: may(viewer, { type: "wellbeing_screen", engagement: partiesOf(engagement) }, "read")
      ? engagement.wellbeingScreen
      : null,
  };
}

export function noteView(note: NoteRecord) {
  return {
    id: note.id,
    visibility: note.visibility,
    body: note.body,
    authorName: note.author.displayName,
    createdAt: note.createdAt,
  };
}
