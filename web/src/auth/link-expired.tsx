// The page for a password-reset or invitation link that is unknown, expired or already used (410).
import type { ReactNode } from "react";
import { useTitle } from "../ui/use-title.ts";

export function LinkExpired({ children }: { children: ReactNode }) {
  useTitle("Link expired");
  return (
    <div className="card card-roomy">
      <h1>This link has expired or was already used</h1>
      {children}
    </div>
  );
}
