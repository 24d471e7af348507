// The organization and programme the person works in: chosen in the header, kept in localStorage.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { MeOrganization, MeProgramme } from "../types.ts";

const STORAGE_KEY = "alliance.selection";

interface Stored {
  organizationId: string;
  /** "" for all programmes. */
  programmeId: string;
}

interface SelectionValue {
  organizations: MeOrganization[];
  organization: MeOrganization;
  /** "" when all the person's programmes are shown. */
  programmeId: string;
  programme: MeProgramme | null;
  /** Holds the admin role in the organization or in one of its programmes. */
  isAdmin: boolean;
  selectOrganization: (organizationId: string) => void;
  selectProgramme: (programmeId: string) => void;
}

const SelectionContext = createContext<SelectionValue | null>(null);

function readStored(): Stored | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "organizationId" in parsed &&
      typeof parsed.organizationId === "string" &&
      "programmeId" in parsed &&
      typeof parsed.programmeId === "string"
    ) {
      return { organizationId: parsed.organizationId, programmeId: parsed.programmeId };
    }
  } catch {
    // Storage blocked or garbled: start from the defaults.
  }
  return null;
}

/** Forgets the choice, so that the next person to sign in on this browser starts afresh. */
export function clearStoredSelection(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: nothing was kept.
  }
}

function writeStored(stored: Stored): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

interface SelectionProviderProps {
  /** Must not be empty. */
  organizations: [MeOrganization, ...MeOrganization[]];
  children: ReactNode;
}

export function SelectionProvider({ organizations, children }: SelectionProviderProps) {
  const [stored, setStored] = useState<Stored | null>(readStored);

  const organization = organizations.find((org) => org.id === stored?.organizationId) ?? organizations[0];
  const programme =
    stored?.organizationId === organization.id
      ? (organization.programmes.find((p) => p.id === stored.programmeId) ?? null)
      : null;

  const update = useCallback((next: Stored) => {
    writeStored(next);
    setStored(next);
  }, []);
  const selectOrganization = useCallback(
    (organizationId: string) => update({ organizationId, programmeId: "" }),
    [update],
  );
  const selectProgramme = useCallback(
    (programmeId: string) => update({ organizationId: organization.id, programmeId }),
    [update, organization.id],
  );

  const value = useMemo(
    () => ({
      organizations,
      organization,
      programmeId: programme?.id ?? "",
      programme,
      isAdmin:
        organization.roles.includes("admin") ||
        organization.programmes.some((p) => p.roles.includes("admin")),
      selectOrganization,
      selectProgramme,
    }),
    [organizations, organization, programme, selectOrganization, selectProgramme],
  );
  return <SelectionContext value={value}>{children}</SelectionContext>;
}

export function useSelection(): SelectionValue {
  const value = useContext(SelectionContext);
  if (value === null) throw new Error("useSelection must be used inside <SelectionProvider>");
  return value;
}
