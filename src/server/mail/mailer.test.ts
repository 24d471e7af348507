import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { countingIds, testClock } from "../../../test/support/clock.ts";
import { openTestDatabase } from "../../../test/support/databases.ts";
import { startSmtpServer, type TestSmtpServer } from "../../../test/support/smtp.ts";
import { repositories } from "../../store/repositories.ts";
import { type Mailer, outboxMailer, smtpMailer } from "./mailer.ts";

describe("mail", () => {
  let smtp: TestSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailer = smtpMailer(
      { host: "127.0.0.1", port: smtp.port, secure: false, user: undefined, password: undefined },
      "Alliance <no-reply@alliance.test>",
    );
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });

  it("delivers through a real SMTP server", async () => {
    const count = smtp.received.length;
    await mailer.send({ to: "sam@example.org", subject: "Hello from Alliance", text: "Line one\nLine two" });
    const mail = await smtp.waitFor(count + 1);
    expect(mail.envelopeTo).toEqual(["sam@example.org"]);
    expect(mail.parsed.subject).toBe("Hello from Alliance");
    expect(mail.parsed.from?.value).toEqual([{ name: "Alliance", address: "no-reply@alliance.test" }]);
    expect(mail.parsed.text?.trim()).toBe("Line one\nLine two");
  });

  it("carries a password reset end to end: the emailed link sets a new password", async () => {
    const t: TestApp = await testApp({ mailer });
    try {
      const count = smtp.received.length;
      await t.app.inject({
        method: "POST",
        url: "/api/auth/password-reset",
        payload: { email: "priya@alliance.example" },
      });
      const mail = await smtp.waitFor(count + 1);
      expect(mail.envelopeTo).toEqual(["priya@alliance.example"]);
      const link = mail.parsed.text?.match(/http:\/\/alliance\.test\/reset-password\?token=([\w-]+)/);
      expect(link).not.toBeNull();
      const done = await t.app.inject({
        method: "POST",
        url: `/api/auth/password-reset/${link?.[1]}`,
        payload: { password: "priya's fresh passphrase" },
      });
      expect(done.statusCode).toBe(204);
      await expect(
        signIn(t.app, "priya@alliance.example", "priya's fresh passphrase"),
      ).resolves.toBeDefined();
    } finally {
      await t.close();
    }
  });

  it("keeps mail in the outbox and logs its links when no SMTP server is set", async () => {
    const database = await openTestDatabase("sqlite");
    const logged: Array<Record<string, unknown>> = [];
    const outbox = outboxMailer(repositories(database.db).outbox, testClock(), countingIds("mail"), {
      info: (object) => logged.push(object),
    });
    await outbox.send({
      to: "tom@example.org",
      subject: "Your link",
      text: "Open http://localhost:3000/invite?token=abc now",
    });
    const [stored] = await repositories(database.db).outbox.listOutboxMessages("tom@example.org");
    expect(stored).toMatchObject({ to: "tom@example.org", subject: "Your link" });
    expect(logged).toEqual([
      { to: "tom@example.org", subject: "Your link", links: ["http://localhost:3000/invite?token=abc"] },
    ]);
    await database.close();
  });
});
