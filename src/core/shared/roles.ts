// The roles a person can hold in an organization or programme (DESIGN.md §1).

export const ROLES = ["admin", "coach", "coachee", "sponsor", "supervisor", "researcher"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Programme admin",
  coach: "Coach",
  coachee: "Coachee",
  sponsor: "Sponsor",
  supervisor: "Supervisor",
  researcher: "Researcher",
};
