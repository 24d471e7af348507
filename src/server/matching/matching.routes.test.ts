import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { DIALECTS } from "../../../test/support/databases.ts";

const ORG = "/api/orgs/demo-org";
const CIRCLE = `${ORG}/programmes/demo-circle/matching`;

interface PersonRef {
  id: string;
  name: string;
}
interface Proposal {
  coachee: PersonRef;
  coach: PersonRef | null;
  score: number | null;
  reasons: Array<{ component: string; reason: string }>;
  source: "choice" | "cohort" | null;
  unassignedReason: string | null;
  options: Array<{ coach: PersonRef; score: number }>;
}
interface Cohort {
  proposals: Proposal[];
  withoutProfile: PersonRef[];
  coaches: Array<{ coach: PersonRef; capacity: number; load: number }>;
}
interface Shortlists {
  programmes: Array<{
    programmeId: string;
    chosen: string | null;
    shortlist: Array<{ coach: PersonRef; score: number; reasons: Array<{ reason: string }> }>;
  }>;
}

describe.each(DIALECTS)("matching in the app on %s", (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let lena: Caller;
  let coach: Caller;

  beforeAll(async () => {
    t = await testApp({ dialect });
    admin = await signIn(t.app, "admin@alliance.example");
    lena = await signIn(t.app, "lena@alliance.example");
    coach = await signIn(t.app, "ines@alliance.example");
  });
  afterAll(async () => {
    await t.close();
  });

  const cohort = async () => (await admin.get(`${CIRCLE}/cohort`)).json() as Cohort;
  const byName = (proposals: Proposal[]) =>
    Object.fromEntries(proposals.map((p) => [p.coachee.name, p.coach?.name ?? null]));

  it("proposes the optimal cohort to admins only, with the reasons for each pair", async () => {
    expect((await coach.get(`${CIRCLE}/cohort`)).statusCode).toBe(404);
    expect((await lena.get(`${CIRCLE}/cohort`)).statusCode).toBe(404);
    const view = await cohort();
    // Three waiting coachees, three places (Inês 2, Kwame 1): everyone gets a coach.
    expect(byName(view.proposals)).toEqual({
      "Grace Mensah": "Inês Duarte",
      "Lena Hoffmann": "Inês Duarte",
      "Omar Haddad": "Kwame Asante",
    });
    const lenaPair = view.proposals.find((p) => p.coachee.name === "Lena Hoffmann");
    expect(lenaPair?.source).toBe("cohort");
    expect(lenaPair?.reasons.map((r) => r.reason)).toContain("is the gender you asked for (woman)");
    expect(lenaPair?.reasons.map((r) => r.reason)).toContain("shares your industry: healthcare");
    expect(lenaPair?.options.map((o) => o.coach.name)).toEqual(["Inês Duarte", "Kwame Asante"]);
    expect(view.coaches.map((c) => [c.coach.name, c.capacity, c.load])).toEqual([
      ["Inês Duarte", 2, 0],
      ["Kwame Asante", 1, 0],
    ]);
  });

  it("gives a waiting coachee their shortlist with reasons, and lets them choose from it only", async () => {
    const mine = (await lena.get(`${ORG}/matching/shortlist`)).json() as Shortlists;
    expect(mine.programmes).toHaveLength(1);
    const [circle] = mine.programmes;
    expect(circle?.shortlist.map((e) => e.coach.name)).toEqual(["Inês Duarte", "Kwame Asante"]);
    expect(circle?.shortlist[0]?.reasons.map((r) => r.reason)).toContain(
      "works on 2 of your 2 themes: delegation, difficult conversations",
    );
    // Someone already in an engagement is not waiting: no shortlist.
    const sam = await signIn(t.app, "coachee@alliance.example");
    expect(((await sam.get(`${ORG}/matching/shortlist`)).json() as Shortlists).programmes).toEqual([]);

    const kwame = circle?.shortlist[1]?.coach.id ?? "";
    const maya = (await admin.get(`${ORG}/people`)).json() as {
      people: Array<{ id: string; displayName: string }>;
    };
    const notListed = maya.people.find((p) => p.displayName === "Maya Okafor")?.id ?? "";
    const refused = await lena.put(`${CIRCLE}/choice`, { coachId: notListed });
    expect(refused.statusCode).toBe(409);
    expect((await lena.put(`${CIRCLE}/choice`, { coachId: kwame })).json()).toEqual({ chosen: kwame });
    expect(((await lena.get(`${ORG}/matching/shortlist`)).json() as Shortlists).programmes[0]?.chosen).toBe(
      kwame,
    );
    // The proposal keeps Lena's choice, and rearranges the others around it.
    const view = await cohort();
    expect(byName(view.proposals)).toEqual({
      "Grace Mensah": "Inês Duarte",
      "Lena Hoffmann": "Kwame Asante",
      "Omar Haddad": "Inês Duarte",
    });
    expect(view.proposals.find((p) => p.coachee.name === "Lena Hoffmann")?.source).toBe("choice");
    // Nobody else may choose for Lena.
    expect((await admin.put(`${CIRCLE}/choice`, { coachId: kwame })).statusCode).toBe(404);
  });

  it("takes the programme's own weights and time-zone limit, set by its admins", async () => {
    const url = `${CIRCLE}/settings`;
    const initial = (await admin.get(url)).json() as {
      settings: { weights: Record<string, number>; maxTimeZoneGapHours: number };
    };
    expect(initial.settings.weights.themes).toBe(30);
    expect(initial.settings.maxTimeZoneGapHours).toBe(4);
    expect((await coach.get(url)).statusCode).toBe(200);
    expect((await coach.put(url, { weights: { gender: 0 } })).statusCode).toBe(403);
    expect((await admin.put(url, { weights: { age: 10 } })).statusCode).toBe(400);
    expect((await admin.put(url, { maxTimeZoneGapHours: 13 })).statusCode).toBe(400);
    // Gender weighs nothing, and only the same time zone will do.
    const saved = await admin.put(url, { weights: { gender: 0 }, maxTimeZoneGapHours: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      settings: { weights: { gender: 0, themes: 30 }, maxTimeZoneGapHours: 0 },
    });
    const view = await cohort();
    const lenaPair = view.proposals.find((p) => p.coachee.name === "Lena Hoffmann");
    expect(lenaPair?.reasons.map((r) => r.component)).not.toContain("gender");
    // Lena (UTC+1) can only have Kwame (UTC+1) now; Omar (UTC+2) nobody.
    expect(lenaPair?.options.map((o) => o.coach.name)).toEqual(["Kwame Asante"]);
    expect(view.proposals.find((p) => p.coachee.name === "Omar Haddad")?.unassignedReason).toBe(
      "no coach is allowed for this coachee (hard constraints rule out every pair)",
    );
    // Back to the defaults for the tests that follow.
    expect((await admin.put(url, {})).json()).toMatchObject({ settings: { maxTimeZoneGapHours: 4 } });
  });

  it("imports profiles from CSV by email, dropping age, and names the line of a bad row", async () => {
    const header = "id,themes,languages,utc_offset,date_of_birth,age";
    const good = await admin.put(`${CIRCLE}/profiles`, {
      role: "coachee",
      csv: `${header}\nlena@alliance.example,delegation;conflict,en;de,+1,1988-04-02,38\n`,
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ imported: 1 });
    const stored = await t.ctx.repos.matching.listProfiles("demo-org" as never, "coachee");
    expect(JSON.stringify(stored)).not.toMatch(/1988|"age"|birth/);
    const unknown = await admin.put(`${CIRCLE}/profiles`, {
      role: "coachee",
      csv: `${header}\nlena@alliance.example,a,en,0,,\nnobody@alliance.example,a,en,0,,\n`,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: {
        field: "body.csv",
        message: expect.stringMatching(/^line 3: "nobody@alliance.example" is not a coachee/),
      },
    });
    const badCapacity = await admin.put(`${CIRCLE}/profiles`, {
      role: "coach",
      csv: "id,languages,capacity\nines@alliance.example,en,-1\n",
    });
    expect(badCapacity.statusCode).toBe(400);
    expect(badCapacity.json()).toMatchObject({
      error: { message: expect.stringMatching(/^line 2: capacity/) },
    });
    expect(
      (await coach.put(`${CIRCLE}/profiles`, { role: "coach", csv: "id,languages,capacity\nx,en,1\n" }))
        .statusCode,
    ).toBe(404);
    // Put Lena's profile back as the demo has it (for the tests that follow, her choice of Kwame stands).
    await admin.put(`${CIRCLE}/profiles`, {
      role: "coachee",
      csv: "id,themes,industry,function,seniority,languages,utc_offset,gender_preference,style_advisory,style_wellbeing,background.career_path\nlena@alliance.example,delegation;difficult conversations,healthcare,operations,middle manager,en;de,1,woman,0.3,0.5,clinician to manager\n",
    });
  });

  it("confirms pairs, overridden or not, within capacity and hard constraints, and records each match", async () => {
    const view = await cohort();
    const id = (name: string) =>
      view.proposals.find((p) => p.coachee.name === name)?.coachee.id ??
      view.coaches.find((c) => c.coach.name === name)?.coach.id ??
      "";
    const over = await admin.post(`${CIRCLE}/cohort`, {
      pairs: [
        { coacheeId: id("Lena Hoffmann"), coachId: id("Kwame Asante") },
        { coacheeId: id("Omar Haddad"), coachId: id("Kwame Asante") },
      ],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({
      error: { message: "Kwame Asante has room for 1 more coachee(s).", field: "body.pairs.1.coachId" },
    });
    const twice = await admin.post(`${CIRCLE}/cohort`, {
      pairs: [
        { coacheeId: id("Lena Hoffmann"), coachId: id("Kwame Asante") },
        { coacheeId: id("Lena Hoffmann"), coachId: id("Inês Duarte") },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(
      (
        await coach.post(`${CIRCLE}/cohort`, {
          pairs: [{ coacheeId: id("Lena Hoffmann"), coachId: id("Inês Duarte") }],
        })
      ).statusCode,
    ).toBe(404);
    // The admin overrides two proposals — Lena to Inês instead of the Kwame she chose, Omar to Kwame —
    // and confirms Grace with Inês as proposed.
    const confirmed = await admin.post(`${CIRCLE}/cohort`, {
      pairs: [
        { coacheeId: id("Lena Hoffmann"), coachId: id("Inês Duarte") },
        { coacheeId: id("Omar Haddad"), coachId: id("Kwame Asante") },
        { coacheeId: id("Grace Mensah"), coachId: id("Inês Duarte") },
      ],
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toEqual({ started: 3 });
    const after = await cohort();
    expect(after.proposals).toEqual([]);
    expect(after.coaches.map((c) => [c.coach.name, c.load])).toEqual([
      ["Inês Duarte", 2],
      ["Kwame Asante", 1],
    ]);
    const { engagements } = (await lena.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string; coach: { displayName: string } }>;
    };
    expect(engagements.map((e) => e.coach.displayName)).toEqual(["Inês Duarte"]);
    // Each engagement records its match: score, components, and whether it was the coachee's choice.
    const [match] = await t.ctx.repos.matching.listMatches("demo-org" as never, [
      engagements[0]?.id as never,
    ]);
    expect(match?.source).toBe("cohort");
    expect(match?.components.map((c) => c.component)).toContain("gender");
    expect(match?.score).toBeGreaterThan(0);
    // Lena's choice is cleared once she has a coach.
    expect(((await lena.get(`${ORG}/matching/shortlist`)).json() as Shortlists).programmes).toEqual([]);
    const { entries } = (await admin.get(`${ORG}/audit`)).json() as { entries: Array<{ action: string }> };
    expect(entries.filter((e) => e.action === "engagement.started")).toHaveLength(3);
    // The evidence view counts matched pairs with early ratings: none yet.
    const evidence = (await admin.get(`${CIRCLE}/evidence`)).json() as {
      minimumPairs: number;
      pairs: number;
      components: Array<{ component: string; status: string }>;
    };
    expect(evidence.minimumPairs).toBe(20);
    expect(evidence.pairs).toBe(0);
    expect(evidence.components).toEqual([]);
    expect((await coach.get(`${CIRCLE}/evidence`)).statusCode).toBe(404);
  });

  it("re-matches early, for the coachee or the coach: the engagement ends and the same coach is never proposed again", async () => {
    const sam = await signIn(t.app, "coachee@alliance.example");
    const maya = await signIn(t.app, "coach@alliance.example");
    const sponsor = await signIn(t.app, "sponsor@alliance.example");
    const { engagements } = (await sam.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string; coach: { displayName: string } }>;
    };
    const samWithMaya = engagements.find((e) => e.coach.displayName === "Maya Okafor")?.id ?? "";
    // Two sessions held: both parties are offered the re-match; the sponsor cannot even see it.
    for (const caller of [sam, maya]) {
      const detail = (await caller.get(`${ORG}/engagements/${samWithMaya}`)).json() as {
        permissions: { rematch: boolean };
      };
      expect(detail.permissions.rematch).toBe(true);
    }
    expect((await sponsor.post(`${ORG}/engagements/${samWithMaya}/rematch`, {})).statusCode).toBe(404);
    const done = await sam.post(`${ORG}/engagements/${samWithMaya}/rematch`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ closed: true, cancelledSessions: 1 });
    expect((await sam.post(`${ORG}/engagements/${samWithMaya}/rematch`, {})).statusCode).toBe(409);

    // Sam waits again. With profiles for Sam and both coaches of the programme, Maya is ruled out.
    const leaders = `${ORG}/programmes/demo-leaders/matching`;
    const coaches =
      "id,themes,languages,capacity\ncoach@alliance.example,leadership,en,3\ndaniel@alliance.example,strategy,en,3\n";
    expect((await admin.put(`${leaders}/profiles`, { role: "coach", csv: coaches })).json()).toEqual({
      imported: 2,
    });
    const samProfile = "id,themes,languages\ncoachee@alliance.example,leadership,en\n";
    expect((await admin.put(`${leaders}/profiles`, { role: "coachee", csv: samProfile })).json()).toEqual({
      imported: 1,
    });
    const mine = (await sam.get(`${ORG}/matching/shortlist`)).json() as Shortlists;
    expect(mine.programmes.map((p) => p.shortlist.map((e) => e.coach.name))).toEqual([["Daniel Reyes"]]);
    const proposal = ((await admin.get(`${leaders}/cohort`)).json() as Cohort).proposals.find(
      (p) => p.coachee.name === "Sam Lee",
    );
    expect(proposal?.coach?.name).toBe("Daniel Reyes");
    expect(proposal?.options.map((o) => o.coach.name)).toEqual(["Daniel Reyes"]);
  });

  it("keeps the re-match to the first three sessions", async () => {
    const priya = await signIn(t.app, "priya@alliance.example");
    const { engagements } = (await priya.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string; coach: { displayName: string } }>;
    };
    const withMaya = engagements.find((e) => e.coach.displayName === "Maya Okafor")?.id ?? "";
    // Priya has one session held; three more make four.
    for (const day of [1, 2, 3]) {
      await t.ctx.repos.engagements.insertSession(
        {
          organizationId: "demo-org" as never,
          id: `extra-${day}` as never,
          engagementId: withMaya as never,
          status: "held",
          startsAt: `2026-10-0${day}T09:00:00.000Z` as never,
          durationMinutes: 60 as never,
          mode: "video",
          heldAt: `2026-10-0${day}T10:00:00.000Z` as never,
          cancelledAt: null,
          cancelReason: null,
          version: 1,
        },
        t.clock.now(),
      );
    }
    const detail = (await priya.get(`${ORG}/engagements/${withMaya}`)).json() as {
      permissions: { rematch: boolean };
    };
    expect(detail.permissions.rematch).toBe(false);
    const refused = await priya.post(`${ORG}/engagements/${withMaya}/rematch`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { message: expect.stringMatching(/first 3 sessions; 4 are held/) },
    });
  });
});
