// The support a programme offers beyond coaching, shown on the calm referral page after a positive
// wellbeing screen (issue 3; DESIGN.md M2, M11).

/** One place to turn to: who, how to reach them, and a line on when they help. */
export interface SupportResource {
  readonly name: string;
  readonly contact: string;
  readonly note: string;
}

/** At most this many resources per programme: a referral page is a short list, not a directory. */
export const SUPPORT_RESOURCES_MAX = 10;
export const SUPPORT_RESOURCE_LIMITS = { name: 120, contact: 200, note: 500 } as const;

/**
 * Shown while a programme has configured none: general advice that holds anywhere (a screen is not a
 * diagnosis; a doctor can assess it; emergencies go to emergency services). Programmes should add their
 * employee-assistance line and local services.
 */
export const DEFAULT_SUPPORT_RESOURCES: readonly SupportResource[] = [
  {
    name: "Your doctor or general practitioner",
    contact: "Book an ordinary appointment",
    note: "They can talk with you about how you have been feeling and what might help. A short check-in like this one is not a diagnosis.",
  },
  {
    name: "Someone you trust",
    contact: "A friend, family member or colleague",
    note: "Telling someone how things are can make the next step easier.",
  },
  {
    name: "If you might be in danger or cannot keep yourself safe",
    contact: "Call your local emergency number now",
    note: "Emergency services are there for this, at any hour.",
  },
];

/** The list the referral page shows: the programme's own, or the defaults while it has none. */
export function referralResources(configured: readonly SupportResource[]): {
  readonly resources: readonly SupportResource[];
  readonly programmeConfigured: boolean;
} {
  return configured.length > 0
    ? { resources: configured, programmeConfigured: true }
    : { resources: DEFAULT_SUPPORT_RESOURCES, programmeConfigured: false };
}

/**
 * Reads a stored list leniently: entries that are not well-formed resources are dropped (stored lists
 * are checked when saved, so this only guards against hand-edited rows).
 */
export function parseSupportResources(stored: unknown): SupportResource[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is SupportResource =>
      typeof entry === "object" &&
      entry !== null &&
      typeof (entry as SupportResource).name === "string" &&
      (entry as SupportResource).name.trim() !== "" &&
      typeof (entry as SupportResource).contact === "string" &&
      typeof (entry as SupportResource).note === "string",
  );
}
