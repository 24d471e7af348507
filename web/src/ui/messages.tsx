// The error (role="alert"), success (role="status") and loading messages every page uses.
import type { ReactNode } from "react";
import type { ApiError } from "../api.ts";

/** An error in a role="alert" region; renders nothing without an error. */
export function ErrorAlert({ error }: { error: ApiError | string | null }) {
  if (error === null) return null;
  return (
    <div role="alert" className="notice notice-error">
      <p>{typeof error === "string" ? error : error.message}</p>
    </div>
  );
}

/** A success message in a role="status" region; renders nothing without a message. */
export function StatusMessage({ message }: { message: ReactNode }) {
  if (message === null || message === undefined || message === false) return null;
  return (
    <div role="status" className="notice notice-success">
      <p>{message}</p>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="loading">Loading {what}…</p>;
}
