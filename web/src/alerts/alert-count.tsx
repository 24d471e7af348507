// The number of open alerts for the navigation: loaded for people who coach, refreshed on every page change.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useLocation } from "react-router-dom";
import { useSelection } from "../shell/selection.tsx";
import type { MeOrganization } from "../types.ts";
import { listAlerts } from "./alerts.api.ts";

interface AlertCountValue {
  /** Whether the person coaches in the selected organization (and so has an alerts inbox). */
  coaches: boolean;
  /** Open alerts; null until known (or when they could not be loaded). */
  open: number | null;
  /** Loads the count again, e.g. after an alert was acknowledged or resolved. */
  refresh: () => void;
}

const AlertCountContext = createContext<AlertCountValue>({ coaches: false, open: null, refresh: () => {} });

/** Holds the coach role in the organization or in one of its programmes. */
export function coachesIn(organization: MeOrganization): boolean {
  return (
    organization.roles.includes("coach") || organization.programmes.some((p) => p.roles.includes("coach"))
  );
}

export function AlertCountProvider({ children }: { children: ReactNode }) {
  const { organization } = useSelection();
  const { pathname } = useLocation();
  const coaches = coachesIn(organization);
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const orgId = organization.id;

  // A new request on every page change and every refresh; none for people who do not coach.
  const request = coaches ? `${pathname}#${version}` : null;

  useEffect(() => {
    if (request === null) {
      setOpen(null);
      return;
    }
    let live = true;
    listAlerts(orgId, "open").then(
      (alerts) => {
        if (live) setOpen(alerts.length);
      },
      () => {
        // The badge is a convenience: the inbox itself shows any error.
        if (live) setOpen(null);
      },
    );
    return () => {
      live = false;
    };
  }, [orgId, request]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(() => ({ coaches, open, refresh }), [coaches, open, refresh]);
  return <AlertCountContext value={value}>{children}</AlertCountContext>;
}

export function useAlertCount(): AlertCountValue {
  return useContext(AlertCountContext);
}
