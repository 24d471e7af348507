// Every repository over one Kysely handle: the database, or a transaction so that a change writes all or nothing.

import type { Kysely } from "kysely";
import { AccountRepository } from "./accounts/account.repository.ts";
import { AlertRepository } from "./alerts/alert.repository.ts";
import { AuditRepository } from "./audit/audit.repository.ts";
import { EngagementRepository } from "./engagements/engagement.repository.ts";
import { JobRepository } from "./jobs/job.repository.ts";
import { OutboxRepository } from "./mail/outbox.repository.ts";
import { MatchingRepository } from "./matching/matching.repository.ts";
import { InvitationRepository } from "./organizations/invitation.repository.ts";
import { OrganizationRepository } from "./organizations/organization.repository.ts";
import { RatingRepository } from "./ratings/rating.repository.ts";
import type { Schema } from "./schema.ts";
import { TranscriptRepository } from "./transcripts/transcript.repository.ts";

export interface Repositories {
  readonly organizations: OrganizationRepository;
  readonly accounts: AccountRepository;
  readonly engagements: EngagementRepository;
  readonly invitations: InvitationRepository;
  readonly audit: AuditRepository;
  readonly outbox: OutboxRepository;
  readonly jobs: JobRepository;
  readonly ratings: RatingRepository;
  readonly alerts: AlertRepository;
  readonly transcripts: TranscriptRepository;
  readonly matching: MatchingRepository;
}

export function repositories(db: Kysely<Schema>): Repositories {
  return {
    organizations: new OrganizationRepository(db),
    accounts: new AccountRepository(db),
    engagements: new EngagementRepository(db),
    invitations: new InvitationRepository(db),
    audit: new AuditRepository(db),
    outbox: new OutboxRepository(db),
    jobs: new JobRepository(db),
    ratings: new RatingRepository(db),
    alerts: new AlertRepository(db),
    transcripts: new TranscriptRepository(db),
    matching: new MatchingRepository(db),
  };
}

/** Runs `work` in one transaction with repositories bound to it: it commits whole or not at all. */
export async function inTransaction<T>(
  db: Kysely<Schema>,
  work: (repos: Repositories) => Promise<T>,
): Promise<T> {
  return await db.transaction().execute((trx) => work(repositories(trx)));
}
