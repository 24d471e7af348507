// /privacy: "Who sees what about you", one row per kind of record.
import { useSelection } from "../shell/selection.tsx";
import type { PrivacyRow } from "../types.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useResource } from "../ui/use-resource.ts";
import { useTitle } from "../ui/use-title.ts";
import { fetchPrivacyRows } from "./privacy.api.ts";

function Who({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span className="muted">Nobody</span>;
  return (
    <ul className="plain-list">
      {labels.map((label) => (
        <li key={label}>{label}</li>
      ))}
    </ul>
  );
}

function PrivacyTable({ rows }: { rows: PrivacyRow[] }) {
  return (
    <div className="table-wrap">
      <table className="table stack-table privacy-table">
        <caption className="visually-hidden">
          Who can see and who can change each kind of record about you
        </caption>
        <thead>
          <tr>
            <th scope="col">What is kept</th>
            <th scope="col">Who can see it</th>
            <th scope="col">Who can change it</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.recordType}>
              <th scope="row" data-label="What is kept">
                {row.label}
              </th>
              <td data-label="Who can see it">
                <Who labels={row.readers} />
              </td>
              <td data-label="Who can change it">
                <Who labels={row.changers} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PrivacyPage() {
  useTitle("Who sees what about you");
  const { organization } = useSelection();
  const rows = useResource(organization.id, () => fetchPrivacyRows(organization.id));
  return (
    <>
      <div className="page-head">
        <h1>Who sees what about you</h1>
        <p className="lead">
          Everything Alliance keeps about you in {organization.name}, and who may read or change it. This page
          is generated from the same rules that decide every request, so it is always up to date.
        </p>
      </div>
      <ErrorAlert error={rows.error} />
      {rows.data === undefined ? (
        rows.loading && <Loading what="the privacy rules" />
      ) : (
        <section className="card section">
          <PrivacyTable rows={rows.data} />
        </section>
      )}
    </>
  );
}
