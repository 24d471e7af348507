// The organization and programme selects in the header.
import { type ChangeEvent, useId } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { useSelection } from "./selection.tsx";

export function OrgSwitcher() {
  const { organizations, organization, programmeId, selectOrganization, selectProgramme } = useSelection();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const orgId = useId();
  const programmeSelectId = useId();

  function changeOrganization(event: ChangeEvent<HTMLSelectElement>): void {
    selectOrganization(event.target.value);
    // An engagement belongs to one organization: leave its page when switching.
    if (pathname.startsWith("/engagements/")) void navigate("/");
  }

  return (
    <fieldset className="switcher">
      <legend className="visually-hidden">Where you are working</legend>
      <div className="switcher-field">
        <label htmlFor={orgId}>Organization</label>
        <select id={orgId} value={organization.id} onChange={changeOrganization}>
          {organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      <div className="switcher-field">
        <label htmlFor={programmeSelectId}>Programme</label>
        <select
          id={programmeSelectId}
          value={programmeId}
          onChange={(event) => selectProgramme(event.target.value)}
        >
          <option value="">All programmes</option>
          {organization.programmes.map((programme) => (
            <option key={programme.id} value={programme.id}>
              {programme.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
