// A small demo organization: an admin, two coaches, three coachees, a sponsor, engagements and sessions.

import type { CoacheeProfile, CoachProfile } from "../core/matching/match-score.ts";
import type { SessionMode, SessionStatus } from "../core/sessions/session-lifecycle.ts";
import type {
  AccountId,
  Clock,
  EngagementId,
  IdSource,
  IsoInstant,
  MembershipId,
  Minutes,
  OrganizationId,
  PersonId,
  ProgrammeId,
  SessionId,
} from "../core/shared/brand.ts";
import type { Role } from "../core/shared/roles.ts";
import type { Database } from "../store/database.ts";
import { inTransaction } from "../store/repositories.ts";

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = "alliance-demo-2026";
export const DEMO_ORGANIZATION_ID = "demo-org" as OrganizationId;

type DemoProgramme = "leaders" | "managers" | "circle";

interface DemoPerson {
  readonly key: string;
  readonly name: string;
  readonly email: string;
  readonly roles: ReadonlyArray<{ role: Role; programme: DemoProgramme | null }>;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    key: "admin",
    name: "Ada Lindqvist",
    email: "admin@alliance.example",
    roles: [{ role: "admin", programme: null }],
  },
  {
    key: "coach",
    name: "Maya Okafor",
    email: "coach@alliance.example",
    roles: [
      { role: "coach", programme: "leaders" },
      { role: "coach", programme: "managers" },
    ],
  },
  {
    key: "coach2",
    name: "Daniel Reyes",
    email: "daniel@alliance.example",
    roles: [{ role: "coach", programme: "leaders" }],
  },
  {
    key: "coachee",
    name: "Sam Lee",
    email: "coachee@alliance.example",
    roles: [{ role: "coachee", programme: "leaders" }],
  },
  {
    key: "priya",
    name: "Priya Nair",
    email: "priya@alliance.example",
    roles: [{ role: "coachee", programme: "leaders" }],
  },
  {
    key: "tom",
    name: "Tom Becker",
    email: "tom@alliance.example",
    roles: [{ role: "coachee", programme: "managers" }],
  },
  {
    key: "sponsor",
    name: "Helen Park",
    email: "sponsor@alliance.example",
    roles: [{ role: "sponsor", programme: "leaders" }],
  },
  // Leadership Circle 2027: coaches and coachees with matching profiles, the coachees still waiting.
  {
    key: "ines",
    name: "Inês Duarte",
    email: "ines@alliance.example",
    roles: [{ role: "coach", programme: "circle" }],
  },
  {
    key: "kwame",
    name: "Kwame Asante",
    email: "kwame@alliance.example",
    roles: [{ role: "coach", programme: "circle" }],
  },
  {
    key: "lena",
    name: "Lena Hoffmann",
    email: "lena@alliance.example",
    roles: [{ role: "coachee", programme: "circle" }],
  },
  {
    key: "omar",
    name: "Omar Haddad",
    email: "omar@alliance.example",
    roles: [{ role: "coachee", programme: "circle" }],
  },
  {
    key: "grace",
    name: "Grace Mensah",
    email: "grace@alliance.example",
    roles: [{ role: "coachee", programme: "circle" }],
  },
];

/** The Leadership Circle's matching profiles (no age anywhere, by design). */
const DEMO_COACH_PROFILES: Record<string, Omit<CoachProfile, "id">> = {
  ines: {
    themes: ["leadership", "delegation", "difficult conversations"],
    industries: ["healthcare", "public sector"],
    functions: ["operations"],
    seniorities: ["middle manager", "senior leader"],
    languages: ["en", "pt"],
    utcOffsetHours: 0,
    background: { career_path: ["clinician to manager"], first_generation: ["yes"] },
    gender: "woman",
    capacity: 2,
    style: { advisory: 0.3, wellbeing: 0.6 },
    available: true,
  },
  kwame: {
    themes: ["strategy", "leadership", "career transition"],
    industries: ["finance", "technology"],
    functions: ["finance", "product"],
    seniorities: ["senior leader", "executive"],
    languages: ["en", "fr"],
    utcOffsetHours: 1,
    background: { career_path: ["specialist to general management"], first_generation: ["yes"] },
    gender: "man",
    capacity: 1,
    style: { advisory: 0.7, wellbeing: 0.3 },
    available: true,
  },
};

const DEMO_COACHEE_PROFILES: Record<string, Omit<CoacheeProfile, "id">> = {
  lena: {
    themes: ["delegation", "difficult conversations"],
    industry: "healthcare",
    function: "operations",
    seniority: "middle manager",
    languages: ["en", "de"],
    utcOffsetHours: 1,
    background: { career_path: ["clinician to manager"] },
    genderPreference: "woman",
    style: { advisory: 0.3, wellbeing: 0.5 },
    previousCoaches: [],
  },
  omar: {
    themes: ["strategy", "career transition"],
    industry: "technology",
    function: "product",
    seniority: "senior leader",
    languages: ["en", "ar"],
    utcOffsetHours: 2,
    background: { career_path: ["specialist to general management"], first_generation: ["yes"] },
    style: { advisory: 0.6, wellbeing: 0.4 },
    previousCoaches: [],
  },
  grace: {
    themes: ["leadership", "strategy"],
    industry: "finance",
    function: "finance",
    seniority: "executive",
    languages: ["en"],
    utcOffsetHours: 0,
    background: { first_generation: ["yes"] },
    style: { advisory: 0.5, wellbeing: 0.5 },
    previousCoaches: [],
  },
};

export interface DemoSignIn {
  readonly role: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export type SeedResult =
  | { readonly seeded: true; readonly signIns: DemoSignIn[] }
  | { readonly seeded: false; readonly signIns: DemoSignIn[] };

export function demoSignIns(): DemoSignIn[] {
  return DEMO_PEOPLE.map((person) => ({
    role: person.roles
      .map((r) => r.role)
      .filter((role, i, all) => all.indexOf(role) === i)
      .join(", "),
    name: person.name,
    email: person.email,
    password: DEMO_PASSWORD,
  }));
}

function shift(now: IsoInstant, days: number, hourUtc: number): IsoInstant {
  const day = new Date(Date.parse(now) + days * 86_400_000);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day.toISOString() as IsoInstant;
}

/**
 * Seeds the demo organization unless it exists already. `hashPassword` is passed in so that the
 * caller chooses the hashing (argon2id in the product).
 */
export async function seedDemo(
  database: Database,
  deps: { clock: Clock; ids: IdSource; hashPassword: (password: string) => Promise<string> },
): Promise<SeedResult> {
  const now = deps.clock.now();
  const org = DEMO_ORGANIZATION_ID;
  const passwordHashes = new Map<string, string>();
  for (const person of DEMO_PEOPLE) passwordHashes.set(person.key, await deps.hashPassword(DEMO_PASSWORD));

  return await inTransaction(database.db, async (repos) => {
    if (await repos.organizations.findOrganizationById(org)) return { seeded: false, signIns: demoSignIns() };
    await repos.organizations.insertOrganization({ id: org, name: "Harbour Coaching Collective" }, now);
    const programmes: Record<DemoProgramme, ProgrammeId> = {
      leaders: "demo-leaders" as ProgrammeId,
      managers: "demo-managers" as ProgrammeId,
      circle: "demo-circle" as ProgrammeId,
    };
    await repos.organizations.insertProgramme(
      { organizationId: org, id: programmes.leaders, name: "Leading with Purpose" },
      now,
    );
    await repos.organizations.insertProgramme(
      { organizationId: org, id: programmes.managers, name: "New Managers 2026" },
      now,
    );
    await repos.organizations.insertProgramme(
      { organizationId: org, id: programmes.circle, name: "Leadership Circle 2027" },
      now,
    );

    const people = new Map<string, PersonId>();
    for (const person of DEMO_PEOPLE) {
      const accountId = deps.ids.newId() as AccountId;
      const existing = await repos.accounts.findAccountByEmail(person.email);
      if (!existing) {
        await repos.accounts.insertAccount(
          {
            id: accountId,
            email: person.email,
            displayName: person.name,
            passwordHash: passwordHashes.get(person.key) ?? "",
          },
          now,
        );
      }
      const personId = deps.ids.newId() as PersonId;
      people.set(person.key, personId);
      await repos.organizations.insertPerson(
        {
          organizationId: org,
          id: personId,
          accountId: existing?.id ?? accountId,
          displayName: person.name,
          email: person.email,
        },
        now,
      );
      for (const { role, programme } of person.roles) {
        await repos.organizations.insertMembership(
          {
            organizationId: org,
            id: deps.ids.newId() as MembershipId,
            personId,
            programmeId: programme === null ? null : programmes[programme],
            role,
          },
          now,
        );
      }
    }
    const id = (key: string) => {
      const found = people.get(key);
      if (!found) throw new Error(`demo person ${key} missing`);
      return found;
    };

    const engagements: Array<{
      coach: string;
      coachee: string;
      sponsor: string | null;
      programme: "leaders" | "managers";
      sessions: Array<[days: number, status: SessionStatus, mode: SessionMode]>;
    }> = [
      {
        coach: "coach",
        coachee: "coachee",
        sponsor: "sponsor",
        programme: "leaders",
        sessions: [
          [-28, "held", "video"],
          [-14, "held", "in_person"],
          [-7, "cancelled", "video"],
          [3, "scheduled", "video"],
        ],
      },
      {
        coach: "coach",
        coachee: "priya",
        sponsor: null,
        programme: "leaders",
        sessions: [
          [-10, "held", "video"],
          [5, "scheduled", "phone"],
        ],
      },
      // Yesterday's session is still to be marked held: the coach's first task in the demo.
      {
        coach: "coach",
        coachee: "tom",
        sponsor: null,
        programme: "managers",
        sessions: [
          [-1, "scheduled", "in_person"],
          [6, "scheduled", "in_person"],
        ],
      },
      { coach: "coach2", coachee: "priya", sponsor: null, programme: "leaders", sessions: [] },
    ];
    // Priya has two coaches in the demo only to show a coachee view with more than one engagement.
    for (const engagement of engagements) {
      const engagementId = deps.ids.newId() as EngagementId;
      await repos.engagements.insertEngagement(
        {
          organizationId: org,
          id: engagementId,
          programmeId: programmes[engagement.programme],
          coachId: id(engagement.coach),
          coacheeId: id(engagement.coachee),
          sponsorId: engagement.sponsor === null ? null : id(engagement.sponsor),
        },
        now,
      );
      for (const [days, status, mode] of engagement.sessions) {
        const startsAt = shift(now, days, 9);
        await repos.engagements.insertSession(
          {
            organizationId: org,
            id: deps.ids.newId() as SessionId,
            engagementId,
            status,
            startsAt,
            durationMinutes: 60 as Minutes,
            mode,
            heldAt: status === "held" ? shift(now, days, 10) : null,
            cancelledAt: status === "cancelled" ? shift(now, days - 1, 15) : null,
            cancelReason: status === "cancelled" ? "Coachee travelling" : null,
            version: 1,
          },
          now,
        );
      }
    }
    for (const [key, profile] of Object.entries(DEMO_COACH_PROFILES)) {
      await repos.matching.saveProfile(org, id(key), "coach", profile, now);
    }
    for (const [key, profile] of Object.entries(DEMO_COACHEE_PROFILES)) {
      await repos.matching.saveProfile(org, id(key), "coachee", profile, now);
    }
    await repos.audit.appendAuditEntry({
      organizationId: org,
      id: deps.ids.newId(),
      at: now,
      actorPersonId: null,
      action: "demo.seeded",
      entityType: "organization",
      entityId: org,
      detail: { engagements: engagements.length },
    });
    return { seeded: true, signIns: demoSignIns() };
  });
}
