// Builds the Fastify application: security headers, cookies, auth, rate limits, OpenAPI, routes and the web app.

import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { Ajv } from "ajv";
import addFormatsPlugin from "ajv-formats";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify";
import { Type } from "typebox";
import { DomainError } from "../core/shared/domain-error.ts";
import type { AppContext } from "./app-context.ts";
import { authPlugin } from "./auth/auth.plugin.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { BackgroundTasks } from "./background.ts";
import { engagementRoutes } from "./engagements/engagement.routes.ts";
import { sessionRoutes } from "./engagements/session.routes.ts";
import { installErrorHandling, notFoundBody } from "./http/errors.ts";
import { ErrorSchema } from "./http/schemas.ts";
import { matchingRoutes } from "./matching/matching.routes.ts";
import { invitationRoutes } from "./organizations/invitation.routes.ts";
import { organizationRoutes } from "./organizations/organization.routes.ts";
import { alertRoutes } from "./ratings/alert.routes.ts";
import { AlertRefreshQueue } from "./ratings/alert-queue.ts";
import { checkInRoutes } from "./ratings/check-in.routes.ts";
import { distributionRoutes } from "./ratings/distribution.routes.ts";
import { mirrorRoutes } from "./ratings/mirror.routes.ts";
import { ratingRoutes } from "./ratings/rating.routes.ts";
import { settingsRoutes } from "./ratings/settings.routes.ts";
import { transcriptRoutes } from "./transcripts/transcript.routes.ts";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

declare module "fastify" {
  interface FastifyInstance {
    /** Work that runs after a response, such as sending mail. */
    background: BackgroundTasks;
    /** Refreshes the alerts of engagements whose ratings or reflections changed, in batches. */
    alertQueue: AlertRefreshQueue;
  }
}

/** Largest request body accepted, in bytes. */
export const BODY_LIMIT = 100 * 1024;

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Keeps the secrets of emailed links out of logged URLs: `/api/auth/password-reset/SECRET` →
 * `/api/auth/password-reset/[token]` (the same for invitations), and `?token=SECRET` → `?token=[token]`.
 */
export function redactTokens(url: string): string {
  return url
    .replace(/\/(password-reset|invitations)\/[^/?]+/, "/$1/[token]")
    .replace(/([?&]token=)[^&#]*/g, "$1[token]");
}

export interface BuildOptions {
  /** pino logger options, or false for none (tests). */
  readonly logger?: FastifyServerOptions["logger"];
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: ctx.config.logLevel,
      ...(ctx.config.logFormat === "pretty" && {
        transport: { target: "pino-pretty", options: { translateTime: "HH:MM:ss", ignore: "pid,hostname" } },
      }),
      serializers: {
        // Links in emails carry secret tokens in their path; keep them out of the logs.
        req: (request) => ({
          method: request.method,
          url: redactTokens(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    // Errors Fastify raises before routing (a malformed URL) get the same JSON shape as all others.
    frameworkErrors: (error, _request, reply) => {
      const body = { error: { code: "bad_request", message: `The request is malformed: ${error.message}` } };
      (reply as unknown as FastifyReply).status(400).send(body);
    },
  });
  // Bodies are JSON and must have the right types ("60" is not a number); query strings and path
  // parameters arrive as text, so only they are coerced.
  const strict = addFormats(new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false }));
  const coercing = addFormats(new Ajv({ coerceTypes: "array", useDefaults: true, removeAdditional: false }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === "body" ? strict : coercing).compile(schema),
  );

  const background = new BackgroundTasks(app.log);
  app.decorate("background", background);
  app.decorate("alertQueue", new AlertRefreshQueue(ctx, background));
  app.addHook("onClose", async () => await background.idle());
  installErrorHandling(app);
  // A JSON API: a text/plain body is refused with 415 rather than half-understood.
  app.removeContentTypeParser("text/plain");
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new DomainError("rate_limited", "Too many attempts. Wait a minute and try again."),
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Alliance API",
        version: "0.1.0",
        description:
          "Build, measure and repair the working alliance between coach and coachee. Errors are `{error:{code,message,field?}}`; state-changing requests with a session cookie need the `x-csrf-token` header.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "alliance_session" } },
      },
    },
  });
  app.addSchema(ErrorSchema);
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { validatorUrl: null },
    // Swagger UI's own policy, narrowed to ours: nothing from other hosts, no framing, and no
    // upgrade-insecure-requests (which would break a plain-HTTP install on a LAN).
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replaceAll(" https:", "")
        .replace(" validator.swagger.io", "")
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/\s*upgrade-insecure-requests;?/, ""),
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // Routes that need a signed-in caller say so in the OpenAPI document.
  app.addHook("onRoute", (route) => {
    const open =
      ["/api/health", "/api/auth/sign-in", "/api/openapi.json"].includes(route.url) ||
      route.url.startsWith("/api/auth/password-reset") ||
      route.url.startsWith("/api/invitations/") ||
      route.url.startsWith("/api/ratings/") ||
      route.url.startsWith("/api/docs");
    if (route.url.startsWith("/api/") && !open && route.schema) {
      route.schema = { ...route.schema, security: [{ session: [] }] };
    }
  });
  await authPlugin(app, ctx);

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and database reachability",
        response: {
          200: Type.Object({ status: Type.Literal("ok"), db: Type.String() }),
          503: Type.Object({ status: Type.Literal("unavailable"), db: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const up = await ctx.database.ping();
      const db = ctx.database.dialect;
      return up
        ? { status: "ok" as const, db }
        : reply.status(503).send({ status: "unavailable" as const, db });
    },
  );

  await authRoutes(app, ctx);
  await organizationRoutes(app, ctx);
  await invitationRoutes(app, ctx);
  await engagementRoutes(app, ctx);
  await sessionRoutes(app, ctx);
  await ratingRoutes(app, ctx);
  await checkInRoutes(app, ctx);
  await transcriptRoutes(app, ctx);
  await matchingRoutes(app, ctx);
  await alertRoutes(app, ctx);
  await mirrorRoutes(app, ctx);
  await distributionRoutes(app, ctx);
  await settingsRoutes(app, ctx);

  const webIndex = path.join(ctx.config.webRoot, "index.html");
  const hasWeb = existsSync(webIndex);
  if (!hasWeb && options.logger !== false) {
    app.log.warn(
      `No web app at ${ctx.config.webRoot}: serving the API only. Build it with \`npm run build\`.`,
    );
  }
  if (hasWeb) {
    await app.register(fastifyStatic, { root: ctx.config.webRoot, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === "/api" || request.url.startsWith("/api/");
    if (!isApi && hasWeb && (request.method === "GET" || request.method === "HEAD")) {
      // The web app routes in the browser: unknown paths get index.html.
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send(notFoundBody(request.method, request.url));
  });

  return app;
}
