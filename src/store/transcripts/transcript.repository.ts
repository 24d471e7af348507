// The coachee's consent to transcripts per engagement, and the transcripts stored for sessions.

import type { Kysely } from "kysely";
import type {
  EngagementId,
  IsoInstant,
  OrganizationId,
  PersonId,
  SessionId,
} from "../../core/shared/brand.ts";
import type { Schema } from "../schema.ts";

export type ConsentStatus = "granted" | "withdrawn";

export interface TranscriptConsent {
  readonly status: ConsentStatus;
  readonly changedAt: IsoInstant;
  readonly changedBy: PersonId;
}

export interface StoredTranscript {
  readonly organizationId: OrganizationId;
  readonly id: string;
  readonly sessionId: SessionId;
  readonly format: string;
  readonly text: string;
  readonly analysis: unknown;
  readonly uploadedBy: PersonId;
  readonly uploadedAt: IsoInstant;
}

export class TranscriptRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async findConsent(
    orgId: OrganizationId,
    engagementId: EngagementId,
  ): Promise<TranscriptConsent | undefined> {
    const row = await this.#db
      .selectFrom("transcript_consents")
      .select(["status", "changed_at", "changed_by"])
      .where("organization_id", "=", orgId)
      .where("engagement_id", "=", engagementId)
      .executeTakeFirst();
    return (
      row && {
        status: row.status as ConsentStatus,
        changedAt: row.changed_at as IsoInstant,
        changedBy: row.changed_by as PersonId,
      }
    );
  }

  async saveConsent(
    orgId: OrganizationId,
    engagementId: EngagementId,
    status: ConsentStatus,
    by: PersonId,
    at: IsoInstant,
  ): Promise<void> {
    await this.#db
      .insertInto("transcript_consents")
      .values({ organization_id: orgId, engagement_id: engagementId, status, changed_at: at, changed_by: by })
      .onConflict((oc) =>
        oc
          .columns(["organization_id", "engagement_id"])
          .doUpdateSet({ status, changed_at: at, changed_by: by }),
      )
      .execute();
  }

  /** Stores a session's transcript, replacing the one it had (in one statement: never none, never two). */
  async saveTranscript(transcript: StoredTranscript): Promise<void> {
    const fields = {
      id: transcript.id,
      format: transcript.format,
      text: transcript.text,
      analysis: JSON.stringify(transcript.analysis),
      uploaded_by: transcript.uploadedBy,
      uploaded_at: transcript.uploadedAt,
    };
    await this.#db
      .insertInto("session_transcripts")
      .values({ organization_id: transcript.organizationId, session_id: transcript.sessionId, ...fields })
      .onConflict((oc) => oc.columns(["organization_id", "session_id"]).doUpdateSet(fields))
      .execute();
  }

  async findTranscriptOfSession(
    orgId: OrganizationId,
    sessionId: SessionId,
  ): Promise<StoredTranscript | undefined> {
    const row = await this.#db
      .selectFrom("session_transcripts")
      .selectAll()
      .where("organization_id", "=", orgId)
      .where("session_id", "=", sessionId)
      .executeTakeFirst();
    return (
      row && {
        organizationId: row.organization_id as OrganizationId,
        id: row.id,
        sessionId: row.session_id as SessionId,
        format: row.format,
        text: row.text,
        analysis: JSON.parse(row.analysis) as unknown,
        uploadedBy: row.uploaded_by as PersonId,
        uploadedAt: row.uploaded_at as IsoInstant,
      }
    );
  }

  /** Deletes the transcript of one session; true when there was one. */
  async deleteTranscriptOfSession(orgId: OrganizationId, sessionId: SessionId): Promise<boolean> {
    const result = await this.#db
      .deleteFrom("session_transcripts")
      .where("organization_id", "=", orgId)
      .where("session_id", "=", sessionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Deletes every transcript of an engagement's sessions (consent withdrawn); returns how many. */
  async deleteTranscriptsOfEngagement(orgId: OrganizationId, engagementId: EngagementId): Promise<number> {
    const result = await this.#db
      .deleteFrom("session_transcripts")
      .where("organization_id", "=", orgId)
      .where("session_id", "in", (eb) =>
        eb
          .selectFrom("coaching_sessions")
          .select("id")
          .where("organization_id", "=", orgId)
          .where("engagement_id", "=", engagementId),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
