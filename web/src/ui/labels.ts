// Human labels for roles, shared by the admin pages, the invitation page and the shell.
import type { Role } from "../types.ts";

export const ROLES: readonly Role[] = ["coach", "coachee", "sponsor", "supervisor", "researcher", "admin"];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  coach: "Coach",
  coachee: "Coachee",
  sponsor: "Sponsor",
  supervisor: "Supervisor",
  researcher: "Researcher",
  admin: "Admin",
};

/** "a coach", "an admin". */
export function withArticle(role: Role): string {
  const label = ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}
