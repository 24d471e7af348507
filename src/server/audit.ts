// Writes audit entries for changes made through the API, inside the same transaction as the change.

import type { OrganizationId, PersonId } from "../core/shared/brand.ts";
import type { AuditEntry } from "../store/audit/audit.repository.ts";
import type { Repositories } from "../store/repositories.ts";
import type { AppContext } from "./app-context.ts";

export interface AuditFacts {
  readonly organizationId: OrganizationId;
  readonly actorPersonId: PersonId | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly detail?: AuditEntry["detail"];
}

export async function recordAudit(ctx: AppContext, repos: Repositories, facts: AuditFacts): Promise<void> {
  await repos.audit.appendAuditEntry({
    id: ctx.ids.newId(),
    at: ctx.clock.now(),
    detail: {},
    ...facts,
  });
}
