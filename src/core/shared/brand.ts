// Branded types: ids and units that the compiler keeps apart although they are plain strings and numbers.

declare const brand: unique symbol;

/** A `T` that only code which means it can produce: `Brand<string, "PersonId">`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type OrganizationId = Brand<string, "OrganizationId">;
export type ProgrammeId = Brand<string, "ProgrammeId">;
export type AccountId = Brand<string, "AccountId">;
export type PersonId = Brand<string, "PersonId">;
export type MembershipId = Brand<string, "MembershipId">;
export type EngagementId = Brand<string, "EngagementId">;
export type SessionId = Brand<string, "SessionId">;
export type NoteId = Brand<string, "NoteId">;
export type InvitationId = Brand<string, "InvitationId">;

/** An ISO 8601 instant in UTC, e.g. `2026-11-23T09:00:00.000Z`; sorts as text. */
export type IsoInstant = Brand<string, "IsoInstant">;
/** A whole number of minutes. */
export type Minutes = Brand<number, "Minutes">;

/** Ports the core is given instead of touching the clock or randomness itself. */
export interface Clock {
  now(): IsoInstant;
}
export interface IdSource {
  newId(): string;
}

/** Closes a switch over a union: a compile error when a variant is left out. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
