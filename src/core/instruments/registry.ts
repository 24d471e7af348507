// The instruments Alliance ships, and lookup of an instrument by id and version among these and loaded ones.

import { ALLIANCE_CHECK } from "./builtins/alliance-check.ts";
import { COACH_ATTRIBUTES } from "./builtins/coach-attributes.ts";
import { COACH_MIRROR } from "./builtins/coach-mirror.ts";
import { FIVE_PILLARS_COACH, FIVE_PILLARS_COACHEE } from "./builtins/five-pillars.ts";
import { SIDE_EFFECTS_CHECK } from "./builtins/side-effects-check.ts";
import { WELLBEING_SCREEN } from "./builtins/wellbeing-screen.ts";
import type { Instrument } from "./instrument.ts";

/** Every built-in instrument, every version. */
export const BUILTIN_INSTRUMENTS: readonly Instrument[] = [
  ALLIANCE_CHECK,
  COACH_MIRROR,
  COACH_ATTRIBUTES,
  FIVE_PILLARS_COACHEE,
  FIVE_PILLARS_COACH,
  SIDE_EFFECTS_CHECK,
  WELLBEING_SCREEN,
];

export interface InstrumentRegistry {
  /** The latest version of each instrument, in registration order. */
  listInstruments(): readonly Instrument[];
  /** The given version of an instrument, or its latest version when `version` is left out. */
  findInstrument(id: string, version?: string): Instrument | undefined;
}

/**
 * A registry over `instruments` (e.g. the built-ins plus those a programme loaded with
 * `loadInstrument`). Throws when an id and version appear twice (a bug in the caller's set).
 * "Latest" is the highest release by semantic versioning; a pre-release (`2.0.0-beta.1`) is the latest
 * only while an instrument has no release.
 */
export function createInstrumentRegistry(instruments: readonly Instrument[]): InstrumentRegistry {
  const byKey = new Map<string, Instrument>();
  const latest = new Map<string, Instrument>();
  for (const instrument of instruments) {
    const key = `${instrument.id}|${instrument.version}`;
    if (byKey.has(key)) {
      throw new Error(`Instrument ${instrument.id} ${instrument.version} is registered twice.`);
    }
    byKey.set(key, instrument);
    const current = latest.get(instrument.id);
    if (current === undefined || isNewerDefault(instrument.version, current.version)) {
      latest.set(instrument.id, instrument);
    }
  }
  return {
    listInstruments: () => [...latest.values()],
    findInstrument: (id, version) => (version === undefined ? latest.get(id) : byKey.get(`${id}|${version}`)),
  };
}

const BUILTIN_REGISTRY = createInstrumentRegistry(BUILTIN_INSTRUMENTS);

/** The latest version of each built-in instrument. */
export function listInstruments(): readonly Instrument[] {
  return BUILTIN_REGISTRY.listInstruments();
}

/** A built-in instrument by id, at `version` or its latest version. */
export function findInstrument(id: string, version?: string): Instrument | undefined {
  return BUILTIN_REGISTRY.findInstrument(id, version);
}

function isNewerDefault(candidate: string, current: string): boolean {
  const preRelease = (version: string) => /^[^+]*-/.test(version);
  if (preRelease(candidate) !== preRelease(current)) return preRelease(current);
  return compareVersions(candidate, current) > 0;
}

/** Orders semantic versions: negative when `a` is older than `b`. Build metadata is ignored. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [core = "", pre] = version.split("+")[0]?.split(/-(.*)/s) ?? [];
    return { numbers: core.split(".").map((part) => Number.parseInt(part, 10) || 0), pre: pre ?? null };
  };
  const left = parse(a);
  const right = parse(b);
  for (let index = 0; index < 3; index++) {
    const difference = (left.numbers[index] ?? 0) - (right.numbers[index] ?? 0);
    if (difference !== 0) return difference;
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === null) return 1;
  if (right.pre === null) return -1;
  return left.pre < right.pre ? -1 : 1;
}
