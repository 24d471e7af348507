// The account endpoints: sign-in, sign-out, who am I, and password reset.
import { api } from "../api.ts";
import type { Me, PasswordResetLink, SignedIn } from "../types.ts";

export function fetchMe(): Promise<Me> {
  return api.get<Me>("/api/auth/me");
}

export function signIn(email: string, password: string): Promise<SignedIn> {
  return api.post<SignedIn>("/api/auth/sign-in", { email, password });
}

export function signOut(): Promise<void> {
  return api.send("POST", "/api/auth/sign-out");
}

/** Always answers 202, whether or not the address has an account. */
export function requestPasswordReset(email: string): Promise<void> {
  return api.send("POST", "/api/auth/password-reset", { email });
}

/** Rejects with `link_invalid` (410) when the link is unknown, expired or used. */
export function checkPasswordResetLink(token: string): Promise<PasswordResetLink> {
  return api.get<PasswordResetLink>(`/api/auth/password-reset/${encodeURIComponent(token)}`);
}

export function resetPassword(token: string, password: string): Promise<void> {
  return api.send("POST", `/api/auth/password-reset/${encodeURIComponent(token)}`, { password });
}

/** Passwords are 12–200 characters (docs/api.md). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
