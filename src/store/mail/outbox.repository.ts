// The development mail outbox: messages kept in the database when no SMTP server is configured.

import type { Kysely } from "kysely";
import type { IsoInstant } from "../../core/shared/brand.ts";
import type { Schema } from "../schema.ts";

export interface OutboxMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly createdAt: IsoInstant;
}

export class OutboxRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async insertOutboxMessage(message: OutboxMessage): Promise<void> {
    await this.#db
      .insertInto("mail_outbox")
      .values({
        id: message.id,
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        created_at: message.createdAt,
      })
      .execute();
  }

  /** Newest first; optionally only the messages to one address. */
  async listOutboxMessages(to?: string, limit = 50): Promise<OutboxMessage[]> {
    let query = this.#db
      .selectFrom("mail_outbox")
      .select(["id", "to_address as to", "subject", "text_body as text", "created_at as createdAt"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit);
    if (to !== undefined) query = query.where("to_address", "=", to);
    return (await query.execute()) as OutboxMessage[];
  }
}
