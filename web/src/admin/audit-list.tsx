// The most recent audit entries of the organization.
import { formatDateTime } from "../ui/format.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { listAudit } from "./admin.api.ts";

const LIMIT = 20;

/** `refreshKey` changes after the admin changes something, so the new entries show. */
export function AuditList({ orgId, refreshKey }: { orgId: string; refreshKey: number }) {
  const entries = useResource(`${orgId}/${refreshKey}`, () => listAudit(orgId, LIMIT));
  return (
    <section className="card section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Recent activity</h2>
      <p className="muted">The last {LIMIT} changes recorded in the audit log.</p>
      <ErrorAlert error={entries.error} />
      {entries.data === undefined ? (
        entries.loading && <Loading what="recent activity" />
      ) : entries.data.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table stack-table">
            <caption className="visually-hidden">Recent audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((entry) => (
                <tr key={entry.id}>
                  <td data-label="When">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td data-label="Who">{entry.actorName ?? "System"}</td>
                  <td data-label="Action">
                    <code>{entry.action}</code>
                  </td>
                  <td data-label="Record">
                    {entry.entityType} <code className="muted">{entry.entityId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
