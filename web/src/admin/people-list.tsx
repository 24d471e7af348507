// The people of the organization (or of the chosen programme) with their roles.
import type { Person, Programme } from "../types.ts";
import { describeRoles, inProgramme } from "./people.ts";

interface PeopleListProps {
  people: Person[];
  programmes: Programme[];
  /** "" for everyone in the organization. */
  programmeId: string;
}

export function PeopleList({ people, programmes, programmeId }: PeopleListProps) {
  const shown = people
    .filter((person) => inProgramme(person, programmeId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  if (shown.length === 0) return <p className="muted">Nobody here yet. Invite someone to get started.</p>;
  return (
    <div className="table-wrap">
      <table className="table stack-table">
        <caption className="visually-hidden">People and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((person) => (
            <tr key={person.id}>
              <td data-label="Name">{person.displayName}</td>
              <td data-label="Email">{person.email}</td>
              <td data-label="Roles">{describeRoles(person, programmes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
