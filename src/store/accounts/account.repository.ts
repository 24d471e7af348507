// Accounts, their signed-in sessions and password-reset links. Tokens are stored only as hashes.

import type { Kysely } from "kysely";
import type { AccountId, IsoInstant } from "../../core/shared/brand.ts";
import type { Schema } from "../schema.ts";

export interface AccountRecord {
  readonly id: AccountId;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
}

export interface AuthSessionRecord {
  readonly tokenHash: string;
  readonly accountId: AccountId;
  readonly csrfToken: string;
  readonly expiresAt: IsoInstant;
}

export interface PasswordResetRecord {
  readonly tokenHash: string;
  readonly accountId: AccountId;
  readonly expiresAt: IsoInstant;
  readonly usedAt: IsoInstant | null;
}

export class AccountRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async insertAccount(account: AccountRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("accounts")
      .values({
        id: account.id,
        email: account.email,
        display_name: account.displayName,
        password_hash: account.passwordHash,
        created_at: at,
      })
      .execute();
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    return (await this.#selectAccounts().where("email", "=", email).executeTakeFirst()) ?? undefined;
  }

  async findAccountById(id: AccountId): Promise<AccountRecord | undefined> {
    return (await this.#selectAccounts().where("id", "=", id).executeTakeFirst()) ?? undefined;
  }

  #selectAccounts() {
    return this.#db
      .selectFrom("accounts")
      .select(["id", "email", "display_name as displayName", "password_hash as passwordHash"])
      .$castTo<AccountRecord>();
  }

  async updatePasswordHash(id: AccountId, passwordHash: string): Promise<void> {
    await this.#db
      .updateTable("accounts")
      .set({ password_hash: passwordHash })
      .where("id", "=", id)
      .execute();
  }

  async insertAuthSession(session: AuthSessionRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("auth_sessions")
      .values({
        token_hash: session.tokenHash,
        account_id: session.accountId,
        csrf_token: session.csrfToken,
        created_at: at,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  /** The session with this token hash, if it has not expired by `now`. */
  async findLiveAuthSession(tokenHash: string, now: IsoInstant): Promise<AuthSessionRecord | undefined> {
    const row = await this.#db
      .selectFrom("auth_sessions")
      .select([
        "token_hash as tokenHash",
        "account_id as accountId",
        "csrf_token as csrfToken",
        "expires_at as expiresAt",
      ])
      .where("token_hash", "=", tokenHash)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return row ? (row as AuthSessionRecord) : undefined;
  }

  async deleteAuthSession(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom("auth_sessions").where("token_hash", "=", tokenHash).execute();
  }

  async deleteAuthSessionsOfAccount(accountId: AccountId): Promise<void> {
    await this.#db.deleteFrom("auth_sessions").where("account_id", "=", accountId).execute();
  }

  async deleteExpiredAuthSessions(now: IsoInstant): Promise<number> {
    const result = await this.#db
      .deleteFrom("auth_sessions")
      .where("expires_at", "<=", now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async insertPasswordReset(reset: Omit<PasswordResetRecord, "usedAt">, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("password_resets")
      .values({
        token_hash: reset.tokenHash,
        account_id: reset.accountId,
        created_at: at,
        expires_at: reset.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async findPasswordReset(tokenHash: string): Promise<PasswordResetRecord | undefined> {
    const row = await this.#db
      .selectFrom("password_resets")
      .select([
        "token_hash as tokenHash",
        "account_id as accountId",
        "expires_at as expiresAt",
        "used_at as usedAt",
      ])
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst();
    return row ? (row as PasswordResetRecord) : undefined;
  }

  /** Marks every unused reset link of an account used (after one of them set a new password). */
  async markPasswordResetsOfAccountUsed(accountId: AccountId, now: IsoInstant): Promise<void> {
    await this.#db
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("account_id", "=", accountId)
      .where("used_at", "is", null)
      .execute();
  }

  /**
   * Marks an unused, unexpired reset link used. Returns false when another request used it first, so a
   * link works exactly once even under concurrent submissions.
   */
  async markPasswordResetUsed(tokenHash: string, now: IsoInstant): Promise<boolean> {
    const result = await this.#db
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
