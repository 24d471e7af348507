// Server settings from the environment, checked once at start; a bad value stops the server with its name.

import { type DatabaseConfig, parseDatabaseUrl } from "../store/database.ts";

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user: string | undefined;
  readonly password: string | undefined;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** The address people use to reach the app; links in emails start with it. */
  readonly publicUrl: string;
  /** Send cookies only over HTTPS; on by default when PUBLIC_URL is https. */
  readonly secureCookies: boolean;
  readonly smtp: SmtpSettings | null;
  readonly mailFrom: string;
  readonly logLevel: string;
  /** `pretty` (readable lines, the default on a terminal) or `json` (one object a line, for log shippers). */
  readonly logFormat: "pretty" | "json";
  /** Trust X-Forwarded-For from a reverse proxy in front of the server (for client IPs and rate limits). */
  readonly trustProxy: boolean;
  /** Directory of the built web app. */
  readonly webRoot: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new Error(`${name} must be true or false (got "${env[name]}")`);
}

function logFormat(env: Env, onTerminal: boolean): "pretty" | "json" {
  const raw = env.LOG_FORMAT?.trim().toLowerCase();
  if (raw === undefined || raw === "") return onTerminal ? "pretty" : "json";
  if (raw === "pretty" || raw === "json") return raw;
  throw new Error(`LOG_FORMAT must be pretty or json (got "${env.LOG_FORMAT}")`);
}

/** Reads the configuration table of the README from `env`. */
export function readConfig(env: Env, cwd: string, webRoot: string, onTerminal = false): ServerConfig {
  const port = integer(env, "PORT", 3000, 0, 65535);
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(publicUrl))
    throw new Error(`PUBLIC_URL must start with http:// or https:// (got "${publicUrl}")`);
  const smtpHost = env.SMTP_HOST?.trim();
  const smtp: SmtpSettings | null = smtpHost
    ? {
        host: smtpHost,
        port: integer(env, "SMTP_PORT", 587, 1, 65535),
        secure: flag(env, "SMTP_SECURE", false),
        user: env.SMTP_USER?.trim() || undefined,
        password: env.SMTP_PASSWORD || undefined,
      }
    : null;
  return {
    port,
    host: env.HOST?.trim() || "0.0.0.0",
    database: parseDatabaseUrl(env.DATABASE_URL, cwd),
    publicUrl,
    secureCookies: flag(env, "COOKIE_SECURE", publicUrl.startsWith("https://")),
    smtp,
    mailFrom: env.MAIL_FROM?.trim() || "Alliance <no-reply@alliance.localhost>",
    logLevel: env.LOG_LEVEL?.trim() || "info",
    logFormat: logFormat(env, onTerminal),
    trustProxy: flag(env, "TRUST_PROXY", false),
    webRoot,
  };
}
