// The invitation endpoints: read an invitation from its link, and accept it.
import { api } from "../api.ts";
import type { InvitationPreview, SignedIn } from "../types.ts";

/** Rejects with `link_invalid` (410) when the link is unknown, expired or used. */
export function fetchInvitation(token: string): Promise<InvitationPreview> {
  return api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`);
}

/** A new address needs `password`; an existing account must already be signed in as that address. */
export function acceptInvitation(
  token: string,
  body: { password?: string; displayName?: string },
): Promise<SignedIn> {
  return api.post<SignedIn>(`/api/invitations/${encodeURIComponent(token)}/accept`, body);
}
