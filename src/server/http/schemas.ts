// Shared request and response schemas (TypeBox → JSON Schema → validation and OpenAPI).

import { Type } from "typebox";

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: "Error" },
);

export const Email = Type.String({ format: "email", maxLength: 254 });
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const Instant = Type.String({ format: "date-time" });
export const OrgParams = Type.Object({ orgId: Id });
/** Any token text is accepted here: a wrong, cut or padded link answers 410 "link invalid", not 400. */
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 1000 }) });

export const AccountSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
});
export const SignedInSchema = Type.Object({ account: AccountSchema, csrfToken: Type.String() });

/** Error responses a route can give, for the OpenAPI description. */
export function errors(...statuses: number[]): Record<number, typeof ErrorSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorSchema]));
}

/** Normalises an email address for lookups: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
