// The signed-in layout: header with switcher, navigation and sign-out around the page; guards sign-in.
import { useState } from "react";
import { Navigate, NavLink, Outlet, useLocation } from "react-router-dom";
import { AlertCountProvider, useAlertCount } from "../alerts/alert-count.tsx";
import { toApiError } from "../api.ts";
import type { Me } from "../types.ts";
import { ErrorAlert, Loading } from "../ui/messages.tsx";
import { useTitle } from "../ui/use-title.ts";
import { OrgSwitcher } from "./org-switcher.tsx";
import { Brand, PageFrame } from "./page-frame.tsx";
import { SelectionProvider, useSelection } from "./selection.tsx";
import { useSession } from "./session.tsx";

function AlertsNavLink() {
  const { open } = useAlertCount();
  return (
    <NavLink to="/alerts">
      Alerts
      {open !== null && open > 0 && (
        <span className="nav-count">
          <span className="visually-hidden"> (</span>
          {open}
          <span className="visually-hidden"> open)</span>
        </span>
      )}
    </NavLink>
  );
}

function MainNav() {
  const { isAdmin, organization } = useSelection();
  const coachee = organization.programmes.some((p) => p.roles.includes("coachee"));
  const { coaches } = useAlertCount();
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        <li>
          <NavLink to="/" end>
            Engagements
          </NavLink>
        </li>
        {coaches && (
          <li>
            <AlertsNavLink />
          </li>
        )}
        {coachee && (
          <li>
            <NavLink to="/find-a-coach">Find a coach</NavLink>
          </li>
        )}
        {isAdmin && (
          <li>
            <NavLink to="/admin">Admin</NavLink>
          </li>
        )}
        {isAdmin && (
          <li>
            <NavLink to="/matching">Matching</NavLink>
          </li>
        )}
        <li>
          <NavLink to="/privacy">Who sees what</NavLink>
        </li>
      </ul>
    </nav>
  );
}

function AccountMenu({ me }: { me: Me }) {
  const { signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSignOut(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(false);
    }
  }

  return (
    <div className="account">
      <span className="account-name">{me.account.displayName}</span>
      <button type="button" className="button button-quiet" onClick={onSignOut} disabled={busy}>
        Sign out
      </button>
      <ErrorAlert error={error} />
    </div>
  );
}

function NoOrganization() {
  useTitle("No organization yet");
  return (
    <>
      <h1>You're not in an organization yet</h1>
      <p>
        Your account is ready, but no organization has added you to a programme. When a programme admin
        invites you, open the link in their email and you will find your engagements here.
      </p>
    </>
  );
}

function SignedOutRedirect({ reason }: { reason: "initial" | "signed-out" | "expired" }) {
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  const to =
    reason === "signed-out" || next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
  return <Navigate to={to} replace state={{ reason }} />;
}

export function AppShell() {
  const { state, refresh } = useSession();

  if (state.status === "signed-out") return <SignedOutRedirect reason={state.reason} />;
  if (state.status !== "signed-in") {
    return (
      <PageFrame header={<Brand />} narrow>
        {state.status === "loading" ? (
          <Loading what="your account" />
        ) : (
          <>
            <h1>Alliance is not answering</h1>
            <ErrorAlert error={state.error} />
            <button type="button" className="button" onClick={() => void refresh()}>
              Try again
            </button>
          </>
        )}
      </PageFrame>
    );
  }

  const { me } = state;
  const [first, ...rest] = me.organizations;
  if (first === undefined) {
    return (
      <PageFrame header={<Brand />} narrow>
        <NoOrganization />
      </PageFrame>
    );
  }
  return (
    <SelectionProvider organizations={[first, ...rest]}>
      <AlertCountProvider>
        <PageFrame
          header={
            <>
              <Brand />
              <MainNav />
              <AccountMenu me={me} />
              <OrgSwitcher />
            </>
          }
        >
          <Outlet />
        </PageFrame>
      </AlertCountProvider>
    </SelectionProvider>
  );
}
