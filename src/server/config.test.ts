import { describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";

describe("readConfig", () => {
  it("defaults to port 3000, the embedded database and the outbox mailer", () => {
    const config = readConfig({}, "/srv/alliance", "/srv/alliance/dist/web");
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: "http://localhost:3000",
      database: { dialect: "sqlite", file: "/srv/alliance/data/alliance.db" },
      secureCookies: false,
      smtp: null,
      logFormat: "json",
    });
    expect(readConfig({}, "/srv", "/w", true).logFormat).toBe("pretty");
    expect(readConfig({ LOG_FORMAT: "json" }, "/srv", "/w", true).logFormat).toBe("json");
  });

  it("reads PORT, PUBLIC_URL, SMTP settings and PostgreSQL", () => {
    const config = readConfig(
      {
        PORT: "3999",
        PUBLIC_URL: "https://coach.example.org/",
        DATABASE_URL: "postgres://u:p@db:5432/alliance",
        SMTP_HOST: "smtp.example.org",
        SMTP_PORT: "465",
        SMTP_SECURE: "true",
        SMTP_USER: "mailer",
        SMTP_PASSWORD: "secret",
      },
      "/srv",
      "/srv/web",
    );
    expect(config).toMatchObject({
      port: 3999,
      publicUrl: "https://coach.example.org",
      secureCookies: true,
      database: { dialect: "postgres", url: "postgres://u:p@db:5432/alliance" },
      smtp: { host: "smtp.example.org", port: 465, secure: true, user: "mailer", password: "secret" },
    });
  });

  it.each([
    [{ PORT: "eighty" }, /PORT must be a whole number/],
    [{ PORT: "70000" }, /PORT must be a whole number from 0 to 65535/],
    [{ PUBLIC_URL: "coach.example.org" }, /PUBLIC_URL must start with http/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must start with sqlite: or postgres/],
    [{ DATABASE_URL: "sqlite:" }, /needs a file path/],
    [{ SMTP_HOST: "h", SMTP_SECURE: "maybe" }, /SMTP_SECURE must be true or false/],
    [{ LOG_FORMAT: "xml" }, /LOG_FORMAT must be pretty or json/],
  ])("refuses %o with a message naming the setting", (env, message) => {
    expect(() => readConfig(env, "/srv", "/srv/web")).toThrow(message);
  });

  it("takes DATABASE_URL=sqlite:PATH relative to the working directory", () => {
    expect(readConfig({ DATABASE_URL: "sqlite:./data/check.db" }, "/srv", "/w").database).toEqual({
      dialect: "sqlite",
      file: "/srv/data/check.db",
    });
    expect(readConfig({ DATABASE_URL: "sqlite:///var/lib/alliance.db" }, "/srv", "/w").database).toEqual({
      dialect: "sqlite",
      file: "/var/lib/alliance.db",
    });
  });
});
