// Transcripts in the app: the coachee's consent per engagement, the coach's upload to a session (analysed
// on arrival), and the analysis for the coach and the coachee only.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { Action } from "../../core/contracts/visibility.ts";
import { DomainError } from "../../core/shared/domain-error.ts";
import { analyzeTranscript } from "../../core/transcripts/analyze.ts";
import { parseTranscript } from "../../core/transcripts/parse-transcript.ts";
import { assignRoles } from "../../core/transcripts/roles.ts";
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from "../../core/transcripts/transcript.ts";
import { inTransaction } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { recordAudit } from "../audit.ts";
import {
  EngagementParams,
  engagementFor,
  findSession,
  SessionParams,
} from "../engagements/engagement-views.ts";
import { errors } from "../http/schemas.ts";
import { authorize, resolveOrgViewer } from "../organizations/org-viewer.ts";

/** Largest transcript accepted: a long session's WebVTT with its timings is well under this. */
export const TRANSCRIPT_MAX_BYTES = 2 * 1024 * 1024;

const ConsentSchema = Type.Object({
  status: Type.Union([Type.Literal("granted"), Type.Literal("withdrawn"), Type.Literal("none")]),
  changedAt: Type.Union([Type.String(), Type.Null()]),
});

/** The caller and the session of the path, for a caller allowed to `action` its transcript (else 404/403). */
async function transcriptSessionFor(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { orgId: string; sessionId: string } }>,
  action: Action,
) {
  const viewer = await resolveOrgViewer(ctx, request, request.params.orgId);
  const { session, engagement } = await findSession(ctx, viewer, request.params.sessionId);
  authorize(
    viewer.viewerFor(engagement.programmeId),
    { type: "transcript", engagement: session.parties },
    action,
    "session",
  );
  return { viewer, session, engagement };
}

export async function transcriptRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  async function consentOf(
    orgId: Parameters<typeof ctx.repos.transcripts.findConsent>[0],
    engagementId: Parameters<typeof ctx.repos.transcripts.findConsent>[1],
  ) {
    const consent = await ctx.repos.transcripts.findConsent(orgId, engagementId);
    return { status: consent?.status ?? ("none" as const), changedAt: consent?.changedAt ?? null };
  }

  api.get(
    "/api/orgs/:orgId/engagements/:engagementId/transcript-consent",
    {
      schema: {
        tags: ["transcripts"],
        summary: "Whether the coachee consents to session transcripts (its coach and coachee)",
        params: EngagementParams,
        response: { 200: ConsentSchema, ...errors(401, 404) },
      },
    },
    async (request) => {
      const { viewer, engagement } = await engagementFor(ctx, request, "transcript_consent", "read");
      return await consentOf(viewer.orgId, engagement.id);
    },
  );

  api.put(
    "/api/orgs/:orgId/engagements/:engagementId/transcript-consent",
    {
      schema: {
        tags: ["transcripts"],
        summary:
          "Grant or withdraw consent to session transcripts (the coachee only); withdrawing deletes every stored transcript of the engagement",
        params: EngagementParams,
        body: Type.Object({ granted: Type.Boolean() }, { additionalProperties: false }),
        response: {
          200: Type.Object({ ...ConsentSchema.properties, deletedTranscripts: Type.Integer() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { viewer, engagement } = await engagementFor(ctx, request, "transcript_consent", "change");
      const granted = request.body.granted;
      const now = ctx.clock.now();
      const deleted = await inTransaction(ctx.database.db, async (repos) => {
        // Consent changes and uploads of one engagement take turns (see the upload below).
        await repos.engagements.lockEngagement(viewer.orgId, engagement.id);
        await repos.transcripts.saveConsent(
          viewer.orgId,
          engagement.id,
          granted ? "granted" : "withdrawn",
          viewer.person.id,
          now,
        );
        const removed = granted
          ? 0
          : await repos.transcripts.deleteTranscriptsOfEngagement(viewer.orgId, engagement.id);
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: granted ? "transcript_consent.granted" : "transcript_consent.withdrawn",
          entityType: "transcript",
          entityId: engagement.id,
          detail: { deletedTranscripts: removed },
        });
        return removed;
      });
      return { ...(await consentOf(viewer.orgId, engagement.id)), deletedTranscripts: deleted };
    },
  );

  const TranscriptView = Type.Object({
    format: Type.String(),
    uploadedAt: Type.String(),
    analysis: Type.Unknown(),
  });

  api.put(
    "/api/orgs/:orgId/sessions/:sessionId/transcript",
    {
      bodyLimit: TRANSCRIPT_MAX_BYTES,
      schema: {
        tags: ["transcripts"],
        summary:
          "Upload a session's transcript (the session's coach, with the coachee's consent recorded); it is analysed at once and replaces an earlier one",
        params: SessionParams,
        body: Type.Object(
          {
            text: Type.String({ minLength: 1 }),
            format: Type.Optional(Type.Union(TRANSCRIPT_FORMATS.map((f) => Type.Literal(f)))),
            coachSpeaker: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: TranscriptView, ...errors(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => {
      const { viewer, session, engagement } = await transcriptSessionFor(ctx, request, "change");
      if (session.status === "cancelled") {
        throw new DomainError("conflict", "This session was cancelled; there is nothing to transcribe.");
      }
      const consent = await ctx.repos.transcripts.findConsent(viewer.orgId, engagement.id);
      if (consent?.status !== "granted") {
        throw new DomainError(
          "conflict",
          `${engagement.coachee.displayName} has not consented to transcripts; they can give consent on the engagement page.`,
        );
      }
      const format = request.body.format as TranscriptFormat | undefined;
      const parsed = parseTranscript(request.body.text, format);
      if (!parsed.ok) {
        throw new DomainError(
          "validation_failed",
          `Line ${parsed.error.line}: ${parsed.error.message}`,
          "body.text",
        );
      }
      // The coach is named in the transcript as the body says, else by their name in Alliance (first name
      // too), else guessed (with a warning in the analysis).
      const known = [engagement.coach.displayName, engagement.coach.displayName.split(/\s+/)[0]];
      const coach =
        request.body.coachSpeaker ?? known.find((name) => assignRoles(parsed.value.turns, name).ok);
      // Analysed once, with the coach found (else guessed, with a warning in the analysis).
      const analysed = analyzeTranscript(parsed.value, coach);
      if (!analysed.ok) throw new DomainError("validation_failed", analysed.error, "body.coachSpeaker");
      const now = ctx.clock.now();
      await inTransaction(ctx.database.db, async (repos) => {
        // Consent is read again under the engagement's lock: a withdrawal that lands while the text was
        // being analysed wins, and nothing is stored.
        await repos.engagements.lockEngagement(viewer.orgId, engagement.id);
        if ((await repos.transcripts.findConsent(viewer.orgId, engagement.id))?.status !== "granted") {
          throw new DomainError(
            "conflict",
            `${engagement.coachee.displayName} has withdrawn consent to transcripts.`,
          );
        }
        await repos.transcripts.saveTranscript({
          organizationId: viewer.orgId,
          id: ctx.ids.newId(),
          sessionId: session.id,
          format: parsed.value.format,
          text: request.body.text,
          analysis: analysed.value,
          uploadedBy: viewer.person.id,
          uploadedAt: now,
        });
        await recordAudit(ctx, repos, {
          organizationId: viewer.orgId,
          actorPersonId: viewer.person.id,
          action: "transcript.uploaded",
          entityType: "transcript",
          entityId: session.id,
          detail: { format: parsed.value.format, utterances: analysed.value.utterances.length },
        });
      });
      return { format: parsed.value.format, uploadedAt: now, analysis: analysed.value };
    },
  );

  api.get(
    "/api/orgs/:orgId/sessions/:sessionId/transcript",
    {
      schema: {
        tags: ["transcripts"],
        summary: "A session's transcript analysis (its coach and coachee); null when it has none",
        params: SessionParams,
        response: { 200: Type.Union([TranscriptView, Type.Null()]), ...errors(401, 404) },
      },
    },
    async (request) => {
      const { viewer, session, engagement } = await transcriptSessionFor(ctx, request, "read");
      // Only while consent stands: withdrawal deletes the text, and this guards any that slipped through.
      const consent = await ctx.repos.transcripts.findConsent(viewer.orgId, engagement.id);
      if (consent?.status !== "granted") return null;
      const stored = await ctx.repos.transcripts.findTranscriptOfSession(viewer.orgId, session.id);
      return stored
        ? { format: stored.format, uploadedAt: stored.uploadedAt, analysis: stored.analysis }
        : null;
    },
  );
}
