// The admin endpoints of one organization: programmes, people, invitations, engagements, summary,
// alliance distribution, audit, and a programme's feedback thresholds.
import { api, orgPath, withQuery } from "../api.ts";
import type {
  AllianceDistribution,
  AuditEntry,
  Engagement,
  EngagementInput,
  FeedbackSettingsOverrides,
  FeedbackSettingsView,
  Invitation,
  InvitationInput,
  Person,
  Programme,
  ProgrammeSummary,
} from "../types.ts";

/** All programmes for an admin. */
export async function listProgrammes(orgId: string): Promise<Programme[]> {
  return (await api.get<{ programmes: Programme[] }>(orgPath(orgId, "programmes"))).programmes;
}

/** People with their roles; `programmeId` "" for the whole organization (organization admins). */
export async function listPeople(orgId: string, programmeId = ""): Promise<Person[]> {
  return (await api.get<{ people: Person[] }>(withQuery(orgPath(orgId, "people"), { programmeId }))).people;
}

/** Aggregates only; `programmeId` "" for the whole organization. */
export function fetchSummary(orgId: string, programmeId: string): Promise<ProgrammeSummary> {
  return api.get<ProgrammeSummary>(withQuery(orgPath(orgId, "summary"), { programmeId }));
}

/** Counts of engagements per band of their latest Alliance Check total; `programmeId` "" for the organization. */
export function fetchAllianceDistribution(orgId: string, programmeId: string): Promise<AllianceDistribution> {
  return api.get<AllianceDistribution>(withQuery(orgPath(orgId, "alliance-distribution"), { programmeId }));
}

export async function listInvitations(orgId: string): Promise<Invitation[]> {
  return (await api.get<{ invitations: Invitation[] }>(orgPath(orgId, "invitations"))).invitations;
}

/** Mails the person a link valid for 7 days. */
export async function createInvitation(orgId: string, input: InvitationInput): Promise<Invitation> {
  return (await api.post<{ invitation: Invitation }>(orgPath(orgId, "invitations"), input)).invitation;
}

export async function createEngagement(orgId: string, input: EngagementInput): Promise<Engagement> {
  return (await api.post<{ engagement: Engagement }>(orgPath(orgId, "engagements"), input)).engagement;
}

export async function listAudit(orgId: string, limit: number): Promise<AuditEntry[]> {
  return (await api.get<{ entries: AuditEntry[] }>(withQuery(orgPath(orgId, "audit"), { limit }))).entries;
}

/** The thresholds in force for one programme, its own overrides and each setting's range. */
export function fetchFeedbackSettings(orgId: string, programmeId: string): Promise<FeedbackSettingsView> {
  return api.get<FeedbackSettingsView>(orgPath(orgId, "programmes", programmeId, "feedback-settings"));
}

/** Replaces the programme's overrides; `{}` restores every default. */
export function saveFeedbackSettings(
  orgId: string,
  programmeId: string,
  overrides: FeedbackSettingsOverrides,
): Promise<FeedbackSettingsView> {
  return api.put<FeedbackSettingsView>(orgPath(orgId, "programmes", programmeId, "feedback-settings"), {
    overrides,
  });
}
