// A programme's thresholds for the feedback rules: defaults from constants.ts, each override range-checked.

import type { Brand } from "../shared/brand.ts";
import { err, ok, type Result } from "../shared/result.ts";
import {
  GOAL_TASK_DROP_DEFAULT,
  GOAL_TASK_DROP_RANGE,
  GOAL_TASK_FLOOR_DEFAULT,
  GOAL_TASK_FLOOR_RANGE,
  MISSING_RATINGS_IN_A_ROW_DEFAULT,
  MISSING_RATINGS_IN_A_ROW_RANGE,
  PERCEPTION_GAP_DEFAULT,
  PERCEPTION_GAP_RANGE,
  PERIODIC_CHECK_EVERY_DEFAULT,
  PERIODIC_CHECK_EVERY_RANGE,
  RELIABLE_CHANGE_RELIABILITY_DEFAULT,
  RELIABLE_CHANGE_RELIABILITY_RANGE,
  RELIABLE_CHANGE_SD_DEFAULT,
  RELIABLE_CHANGE_SD_RANGE,
  RUPTURE_DROP_DEFAULT,
  RUPTURE_DROP_RANGE,
  WEAK_ALLIANCE_CUTOFF_DEFAULT,
  WEAK_ALLIANCE_CUTOFF_RANGE,
} from "./constants.ts";

/** The thresholds a programme may set; every one has a default in constants.ts. */
export interface FeedbackSettingsValues {
  /** Weak alliance: a total below this, points of 40. Default 36; 20–40. */
  readonly weakAllianceCutoff0to40: number;
  /** Rupture: a drop of at least this from the previous rated session, points of 40. Default 1; 0.5–10. */
  readonly ruptureDrop0to40: number;
  /** Reliable change: SD of totals, points of 40. Default 4 (provisional); 0.5–20. */
  readonly reliableChangeSd0to40: number;
  /** Reliable change: reliability r of the total. Default .88 (provisional); 0–0.99. */
  readonly reliableChangeReliability: number;
  /** Goal/task falling: drop of the goals–tasks mean, points of 10. Default 1; 0.5–10. */
  readonly goalTaskDrop0to10: number;
  /** Goal/task low: goals or tasks below this, points of 10. Default 8; 0–10 (0 = off). */
  readonly goalTaskFloor0to10: number;
  /** Perception gap: coach's prediction minus coachee's total at or above this, points of 40. Default 4; 1–20. */
  readonly perceptionGap0to40: number;
  /** Missing ratings: this many consecutive held sessions without a rating. Default 2; whole number 1–10. */
  readonly missingRatingsInARow: number;
  /** Coach attributes and side-effects check: every this many sessions. Default 3; whole number 1–12. */
  readonly periodicCheckEvery: number;
}

/** Settings that went through `resolveFeedbackSettings`: complete and in range. */
export type FeedbackSettings = Brand<FeedbackSettingsValues, "FeedbackSettings">;

/** What a programme stores: any subset of the settings; the rest take their defaults. */
export type FeedbackSettingsOverrides = Partial<Record<keyof FeedbackSettingsValues, number>>;

/** Why a setting was refused: the field it names and a plain message with the valid range. */
export interface FeedbackSettingsError {
  readonly field: keyof FeedbackSettingsValues;
  readonly message: string;
}

interface Rule {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

const RULES: Readonly<Record<keyof FeedbackSettingsValues, Rule>> = {
  weakAllianceCutoff0to40: {
    default: WEAK_ALLIANCE_CUTOFF_DEFAULT,
    ...WEAK_ALLIANCE_CUTOFF_RANGE,
    integer: false,
  },
  ruptureDrop0to40: { default: RUPTURE_DROP_DEFAULT, ...RUPTURE_DROP_RANGE, integer: false },
  reliableChangeSd0to40: { default: RELIABLE_CHANGE_SD_DEFAULT, ...RELIABLE_CHANGE_SD_RANGE, integer: false },
  reliableChangeReliability: {
    default: RELIABLE_CHANGE_RELIABILITY_DEFAULT,
    ...RELIABLE_CHANGE_RELIABILITY_RANGE,
    integer: false,
  },
  goalTaskDrop0to10: { default: GOAL_TASK_DROP_DEFAULT, ...GOAL_TASK_DROP_RANGE, integer: false },
  goalTaskFloor0to10: { default: GOAL_TASK_FLOOR_DEFAULT, ...GOAL_TASK_FLOOR_RANGE, integer: false },
  perceptionGap0to40: { default: PERCEPTION_GAP_DEFAULT, ...PERCEPTION_GAP_RANGE, integer: false },
  missingRatingsInARow: {
    default: MISSING_RATINGS_IN_A_ROW_DEFAULT,
    ...MISSING_RATINGS_IN_A_ROW_RANGE,
    integer: true,
  },
  periodicCheckEvery: { default: PERIODIC_CHECK_EVERY_DEFAULT, ...PERIODIC_CHECK_EVERY_RANGE, integer: true },
};

/** Every setting, in a stable order (for forms and docs). */
export const FEEDBACK_SETTING_FIELDS = Object.keys(RULES) as readonly (keyof FeedbackSettingsValues)[];

/** Valid range and default of one setting, for forms and docs. */
export function feedbackSettingRange(field: keyof FeedbackSettingsValues): Readonly<Rule> {
  return RULES[field];
}

/**
 * Fills in the defaults and checks each override: a finite number within its range (and whole where the
 * setting counts sessions). The first failing field is named. Unknown keys are ignored.
 */
export function resolveFeedbackSettings(
  overrides: FeedbackSettingsOverrides = {},
): Result<FeedbackSettings, FeedbackSettingsError> {
  const values: Record<string, number> = {};
  for (const field of FEEDBACK_SETTING_FIELDS) {
    const rule = RULES[field];
    const given = overrides[field];
    if (given === undefined) {
      values[field] = rule.default;
      continue;
    }
    if (typeof given !== "number" || !Number.isFinite(given)) {
      return err({ field, message: `${field} must be a number.` });
    }
    if (given < rule.min || given > rule.max) {
      return err({ field, message: `${field} must be between ${rule.min} and ${rule.max} (got ${given}).` });
    }
    if (rule.integer && !Number.isInteger(given)) {
      return err({ field, message: `${field} must be a whole number (got ${given}).` });
    }
    values[field] = given;
  }
  return ok(values as unknown as FeedbackSettings);
}

function defaults(): FeedbackSettings {
  const resolved = resolveFeedbackSettings();
  // The defaults are constants inside their own ranges (constants.test.ts); failing here is a bug.
  if (!resolved.ok) throw new Error(`Default feedback settings are invalid: ${resolved.error.message}`);
  return resolved.value;
}

/** The settings of a programme that has changed none of them. */
export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = defaults();
