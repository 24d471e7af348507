import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { DIALECTS } from "../../../test/support/databases.ts";

const ORG = "/api/orgs/demo-org";

const TRANSCRIPT = `Maya: What would you like to work on today?
Sam: I'm worried about the reorganisation. I feel stuck.
Maya: You should just talk to your director.
Sam: Maybe.
Maya: Sorry, I jumped in. It sounds like this has been weighing on you.
`;

describe.each(DIALECTS)("session transcripts on %s", (dialect) => {
  let t: TestApp;
  let coach: Caller;
  let coachee: Caller;
  let admin: Caller;
  let engagementId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await testApp({ dialect });
    coach = await signIn(t.app, "coach@alliance.example");
    coachee = await signIn(t.app, "coachee@alliance.example");
    admin = await signIn(t.app, "admin@alliance.example");
    const { engagements } = (await coachee.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string }>;
    };
    engagementId = engagements[0]?.id ?? "";
    const { sessions } = (await coach.get(`${ORG}/engagements/${engagementId}`)).json() as {
      sessions: Array<{ id: string; status: string }>;
    };
    sessionId = sessions.find((s) => s.status === "held")?.id ?? "";
  });
  afterAll(async () => {
    await t.close();
  });

  const consentUrl = () => `${ORG}/engagements/${engagementId}/transcript-consent`;
  const transcriptUrl = () => `${ORG}/sessions/${sessionId}/transcript`;

  it("refuses a transcript until the coachee consents, and only the coachee may consent", async () => {
    expect((await coach.get(consentUrl())).json()).toEqual({ status: "none", changedAt: null });
    expect((await admin.get(consentUrl())).statusCode).toBe(404);
    expect((await coach.put(consentUrl(), { granted: true })).statusCode).toBe(403);
    const refused = await coach.put(transcriptUrl(), { text: TRANSCRIPT });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: "conflict" } });
    const granted = await coachee.put(consentUrl(), { granted: true });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ status: "granted", deletedTranscripts: 0 });
    expect((await coach.get(consentUrl())).json()).toMatchObject({ status: "granted" });
  });

  it("analyses an upload at once, naming the coach by their name in Alliance", async () => {
    const uploaded = await coach.put(transcriptUrl(), { text: TRANSCRIPT });
    expect(uploaded.statusCode).toBe(200);
    const body = uploaded.json() as {
      format: string;
      analysis: {
        speakers: Array<{ name: string; role: string }>;
        flags: Array<{ kind: string }>;
        warnings: string[];
      };
    };
    expect(body.format).toBe("plain");
    // "Maya" is the first name of the coach, Maya Okafor: no guess, no warning.
    expect(body.analysis.speakers.map((s) => [s.name, s.role])).toEqual([
      ["Maya", "coach"],
      ["Sam", "coachee"],
    ]);
    expect(body.analysis.warnings).toEqual([]);
    expect(body.analysis.flags.map((f) => f.kind)).toContain("hooked");
  });

  it("shows the analysis to the coach and the coachee only", async () => {
    expect((await coachee.get(transcriptUrl())).statusCode).toBe(200);
    const sponsor = await signIn(t.app, "sponsor@alliance.example");
    expect((await sponsor.get(transcriptUrl())).statusCode).toBe(404);
    expect((await admin.get(transcriptUrl())).statusCode).toBe(404);
    expect((await coachee.put(transcriptUrl(), { text: TRANSCRIPT })).statusCode).toBe(403);
    const { entries } = (await admin.get(`${ORG}/audit`)).json() as { entries: Array<{ action: string }> };
    expect(entries.map((e) => e.action).filter((a) => a.startsWith("transcript"))).toEqual([]);
  });

  it("names the line of a transcript it cannot read, and an unknown coach speaker", async () => {
    const bad = await coach.put(transcriptUrl(), { text: "WEBVTT\n\n00:00:01.000 --> later\nMaya: hi\n" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: "body.text" } });
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^Line 3: /);
    const huge = await coach.put(transcriptUrl(), { text: "x".repeat(2 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect((huge.json() as { error: { message: string } }).error.message).toContain("2 MiB at most");
    const unknown = await coach.put(transcriptUrl(), { text: TRANSCRIPT, coachSpeaker: "Ana" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { field: "body.coachSpeaker" } });
  });

  it("replaces a session's transcript with a new upload", async () => {
    const vtt = `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nMaya: How was the week?\n\n00:00:05.000 --> 00:00:09.000\nSam: Busy, but better.\n`;
    expect((await coach.put(transcriptUrl(), { text: vtt })).statusCode).toBe(200);
    expect((await coach.get(transcriptUrl())).json()).toMatchObject({ format: "vtt" });
    // Back to the plain-text one, so the session holds exactly one transcript (counted on withdrawal below).
    expect((await coach.put(transcriptUrl(), { text: TRANSCRIPT })).statusCode).toBe(200);
    expect((await coachee.get(transcriptUrl())).json()).toMatchObject({ format: "plain" });
  });

  it("deletes every stored transcript when the coachee withdraws consent", async () => {
    const withdrawn = await coachee.put(consentUrl(), { granted: false });
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn", deletedTranscripts: 1 });
    const gone = await coach.get(transcriptUrl());
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toBeNull();
    expect(
      await t.ctx.repos.transcripts.findTranscriptOfSession("demo-org" as never, sessionId as never),
    ).toBeUndefined();
    expect((await coach.put(transcriptUrl(), { text: TRANSCRIPT })).statusCode).toBe(409);
  });
});
