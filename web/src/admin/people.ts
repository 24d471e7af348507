// Questions about people and programmes that the admin forms and lists ask.
import type { Person, Programme, Role } from "../types.ts";
import { ROLE_LABELS } from "../ui/labels.ts";

/** Holds `role` in the programme, or across the whole organization. */
export function holdsRole(person: Person, role: Role, programmeId: string): boolean {
  return person.memberships.some(
    (m) => m.role === role && (m.programmeId === null || m.programmeId === programmeId),
  );
}

/** Belongs to the programme ("" for any), directly or through an organization-wide role. */
export function inProgramme(person: Person, programmeId: string): boolean {
  return (
    programmeId === "" ||
    person.memberships.some((m) => m.programmeId === null || m.programmeId === programmeId)
  );
}

export function programmeName(programmes: Programme[], programmeId: string | null): string {
  if (programmeId === null) return "whole organization";
  return programmes.find((p) => p.id === programmeId)?.name ?? "unknown programme";
}

/** "Coach (Leadership 2026), Admin (whole organization)". */
export function describeRoles(person: Person, programmes: Programme[]): string {
  return person.memberships
    .map((m) => `${ROLE_LABELS[m.role]} (${programmeName(programmes, m.programmeId)})`)
    .join(", ");
}

/** The chosen programme if it still exists, else the page's programme, else the first. */
export function effectiveProgramme(programmes: Programme[], chosen: string, fallback: string): string {
  for (const id of [chosen, fallback]) {
    if (id !== "" && programmes.some((p) => p.id === id)) return id;
  }
  return programmes[0]?.id ?? "";
}
