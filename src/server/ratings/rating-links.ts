// Rating links: made when a session is marked held, mailed to the coachee, reminded once after 48 hours.

import { coacheeInstrumentsFor } from "../../core/feedback/check-in-schedule.ts";
import type { EngagementId, IsoInstant, OrganizationId, SessionId } from "../../core/shared/brand.ts";
import type { EngagementRecord } from "../../store/engagements/engagement.repository.ts";
import type { Job } from "../../store/jobs/job.repository.ts";
import type { Repositories } from "../../store/repositories.ts";
import type { AppContext } from "../app-context.ts";
import { addDays, addHours } from "../auth/sign-in.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import type { Mailer } from "../mail/mailer.ts";

/** How long a rating link works (issue 3: "expires in 7 days"). */
export const RATING_LINK_DAYS = 7;
/** When the one reminder goes out if the coachee has not rated yet. */
export const RATING_REMINDER_HOURS = 48;
export const RATING_REMINDER_JOB = "rating-reminder";
/** The instrument the coachee answers after every session. */
export const AFTER_SESSION_INSTRUMENT = "alliance-check";

export interface IssuedLink {
  readonly id: string;
  readonly url: string;
  readonly expiresAt: IsoInstant;
}

export function ratingUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/rate/${token}`;
}

/** 1-based number of a held session among its engagement's held sessions (the trend's numbering). */
export async function heldSessionNumber(
  repos: Repositories,
  orgId: OrganizationId,
  engagementId: EngagementId,
  sessionId: SessionId,
): Promise<number> {
  const held = (await repos.engagements.listSessionsOfEngagement(orgId, engagementId)).filter(
    (s) => s.status === "held",
  );
  const index = held.findIndex((s) => s.id === sessionId);
  if (index < 0) throw new Error(`session ${sessionId} is not held in engagement ${engagementId}`);
  return index + 1;
}

/**
 * Makes a single-use rating link for the coachee of a session that was just held, and schedules its
 * one reminder. Runs inside the transaction that marks the session held, so both happen or neither.
 * The link asks the Alliance Check and, on their schedule, the periodic check-ins and the wellbeing screen
 * (`coacheeInstrumentsFor`); `periodicCheckEvery` is the programme's setting, read before the transaction.
 */
export async function issueRatingLink(
  ctx: AppContext,
  repos: Repositories,
  target: { organizationId: OrganizationId; sessionId: SessionId; engagement: EngagementRecord },
  periodicCheckEvery: number,
  now: IsoInstant,
): Promise<IssuedLink> {
  const { engagement } = target;
  const sessionNumber = await heldSessionNumber(
    repos,
    target.organizationId,
    engagement.id,
    target.sessionId,
  );
  const [first, ...extraInstruments] = coacheeInstrumentsFor({
    sessionNumber,
    plannedSessions: engagement.plannedSessions,
    periodicCheckEvery,
    wellbeingScreen: engagement.wellbeingScreen,
  });
  const token = newToken();
  const id = ctx.ids.newId();
  const expiresAt = addDays(now, RATING_LINK_DAYS);
  await repos.ratings.insertRatingLink(
    {
      organizationId: target.organizationId,
      id,
      sessionId: target.sessionId,
      respondentId: engagement.coachee.id,
      instrumentId: first ?? AFTER_SESSION_INSTRUMENT,
      extraInstruments,
      sessionNumber,
      tokenHash: hashToken(token),
      expiresAt,
      usedAt: null,
    },
    now,
  );
  await repos.jobs.enqueueJob(
    {
      id: ctx.ids.newId(),
      organizationId: target.organizationId,
      kind: RATING_REMINDER_JOB,
      // The token is not kept anywhere but the emails; the reminder carries it to send the same link.
      payload: { linkId: id, token },
      runAt: addHours(now, RATING_REMINDER_HOURS),
      dedupeKey: `${RATING_REMINDER_JOB}:${id}`,
    },
    now,
  );
  return { id, url: ratingUrl(ctx, token), expiresAt };
}

export function ratingMail(to: string, name: string, coachName: string, url: string, reminder: boolean) {
  return {
    to,
    subject: reminder ? "A minute to rate your last coaching session?" : "How was your coaching session?",
    text: [
      `Hello ${name},`,
      "",
      reminder
        ? `A gentle reminder: your rating of the session with ${coachName} helps you both make the next one better.`
        : `How did your session with ${coachName} go? Rating it takes under a minute, and helps you both make the next one better.`,
      `Rate it here (the link works once, for ${RATING_LINK_DAYS} days; no account needed): ${url}`,
      "",
      "Your answers are seen by you and your coach only.",
    ].join("\n"),
  };
}

/** The reminder job: mails the same link again, unless it has been used or has expired meanwhile. */
export function ratingReminderHandler(ctx: AppContext, mailer: Mailer) {
  return async (job: Job): Promise<void> => {
    const { linkId, token } = job.payload as { linkId?: unknown; token?: unknown };
    if (typeof linkId !== "string" || typeof token !== "string" || job.organizationId === null) return;
    const link = await ctx.repos.ratings.findRatingLinkById(job.organizationId, linkId);
    if (!link || link.usedAt !== null || link.expiresAt <= ctx.clock.now()) return;
    const session = await ctx.repos.engagements.findSessionInContext(job.organizationId, link.sessionId);
    const coachee = await ctx.repos.organizations.findPersonById(job.organizationId, link.respondentId);
    if (!session || !coachee) return;
    const coach = await ctx.repos.organizations.findPersonById(job.organizationId, session.parties.coachId);
    await mailer.send(
      ratingMail(
        coachee.email,
        coachee.displayName,
        coach?.displayName ?? "your coach",
        ratingUrl(ctx, token),
        true,
      ),
    );
  };
}
