// Sends mail through SMTP (nodemailer) when configured; otherwise keeps it in the database outbox and logs it.

import nodemailer, { type Transporter } from "nodemailer";
import type { Clock, IdSource } from "../../core/shared/brand.ts";
import type { OutboxRepository } from "../../store/mail/outbox.repository.ts";
import type { SmtpSettings } from "../config.ts";

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  readonly kind: "smtp" | "outbox";
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailLog {
  info(object: Record<string, unknown>, message: string): void;
}

export function smtpMailer(settings: SmtpSettings, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  });
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** The development transport: messages go to the `mail_outbox` table, and their links to the log. */
export function outboxMailer(outbox: OutboxRepository, clock: Clock, ids: IdSource, log: MailLog): Mailer {
  return {
    kind: "outbox",
    async send(message) {
      await outbox.insertOutboxMessage({ id: ids.newId(), createdAt: clock.now(), ...message });
      const links = message.text.match(/https?:\/\/\S+/g) ?? [];
      log.info(
        { to: message.to, subject: message.subject, links },
        "mail kept in the outbox (no SMTP_HOST set)",
      );
    },
    close: () => {},
  };
}
