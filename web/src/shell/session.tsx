// Who is signed in: loads /api/auth/me on start, keeps the CSRF token current, signs in and out.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type ApiError, setCsrfToken, setUnauthenticatedHandler, toApiError } from "../api.ts";
import { fetchMe, signIn as postSignIn, signOut as postSignOut } from "../auth/auth.api.ts";
import type { Me, SignedIn } from "../types.ts";
import { clearStoredSelection } from "./selection.tsx";

/** Why nobody is signed in: never was, chose to sign out, or the session ended on the server. */
export type SignedOutReason = "initial" | "signed-out" | "expired";

export type SessionState =
  | { status: "loading" }
  | { status: "error"; error: ApiError }
  | { status: "signed-out"; reason: SignedOutReason }
  | { status: "signed-in"; me: Me };

interface SessionValue {
  state: SessionState;
  /** Reloads /api/auth/me (after sign-in, or to retry after an error). */
  refresh: () => Promise<void>;
  signIn: (email: string, password: string) => Promise<void>;
  /** Takes over a session the server just started (e.g. on accepting an invitation). */
  adopt: (signedIn: SignedIn) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async () => {
    try {
      const me = await fetchMe();
      setCsrfToken(me.csrfToken);
      setState({ status: "signed-in", me });
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === "unauthenticated") {
        setCsrfToken(null);
        setState((prev) =>
          prev.status === "signed-out"
            ? prev
            : { status: "signed-out", reason: prev.status === "signed-in" ? "expired" : "initial" },
        );
      } else {
        setState({ status: "error", error });
      }
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState((prev) => (prev.status === "signed-in" ? { status: "signed-out", reason: "expired" } : prev));
    });
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const adopt = useCallback(
    async (signedIn: SignedIn) => {
      setCsrfToken(signedIn.csrfToken);
      await refresh();
    },
    [refresh],
  );

  const signIn = useCallback(
    async (email: string, password: string) => adopt(await postSignIn(email, password)),
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
    } catch (caught) {
      // Already signed out on the server: nothing left to undo.
      if (toApiError(caught).code !== "unauthenticated") throw caught;
    }
    setCsrfToken(null);
    clearStoredSelection();
    setState({ status: "signed-out", reason: "signed-out" });
  }, []);

  const value = useMemo(
    () => ({ state, refresh, signIn, adopt, signOut }),
    [state, refresh, signIn, adopt, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}
