// The landmarks every page shares: skip link, header, main (focused on navigation) and footer.
import { type ReactNode, type RefObject, useEffect, useRef } from "react";
import { Link, useLocation } from "react-router-dom";

/** Moves focus to <main> when the path changes, so screen readers start at the new page. */
function useFocusMainOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus();
  }, [pathname, main]);
}

export function Brand() {
  return (
    <Link to="/" className="brand">
      <span className="brand-mark" aria-hidden="true" />
      Alliance
    </Link>
  );
}

interface PageFrameProps {
  header: ReactNode;
  /** A narrow, centred column for the sign-in and link pages. */
  narrow?: boolean;
  children: ReactNode;
}

export function PageFrame({ header, narrow = false, children }: PageFrameProps) {
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">{header}</div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={narrow ? "main main-narrow" : "main"}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Alliance · open-source software for the working alliance between coach and coachee.</p>
      </footer>
    </div>
  );
}
