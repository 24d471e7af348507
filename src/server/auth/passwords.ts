// Password hashing with argon2id (OWASP's recommended parameters) and the password rules people see.

import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP Password Storage Cheat Sheet (2023): argon2id, 19 MiB memory, 2 iterations, 1 lane.
 * argon2id is the library's default algorithm (its `Algorithm` is a const enum, not importable here);
 * the tests check that hashes start with `$argon2id$`.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_LENGTH = { min: 12, max: 200 } as const;

export async function hashPassword(password: string): Promise<string> {
  return await hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches `passwordHash`; false for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody knows, verified when an email is unknown so that timing does not reveal it. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that matches nothing");
  return decoyHash;
}
