// Every science constant of the feedback rules, each with its source (DESIGN.md §3; shared/research/alliance-anchors.md).

/**
 * Highest Alliance Check total: four 0–10 constructs (goals, tasks, bond, overall) scaled to 0–40, the
 * same range as the SRS (Duncan et al. 2003, four 10 cm lines scored 0–10).
 */
export const ALLIANCE_TOTAL_MAX = 40;

/** Highest score of one Alliance Check construct (goals, tasks, bond, overall): 0–10. */
export const ALLIANCE_ITEM_MAX = 10;

/**
 * How many 0–10 constructs make up the 0–40 total, so a total ÷ 4 is "the average per question" on the
 * 0–10 scale (36 of 40 ↔ 9.0 of 10).
 */
export const ALLIANCE_CONSTRUCTS_IN_TOTAL = 4;

/**
 * Weak-alliance cut-off, points of 40: a total *below* it raises the alert. SRS < 36 (OpenFIT knowledge
 * base KA-01028; cauceos.com glossary). Sources disagree (≤ 36 hiboop.com; 34 in a Chinese validation),
 * hence configurable per programme.
 */
export const WEAK_ALLIANCE_CUTOFF_DEFAULT = 36;

/**
 * The same cut-off as an average per construct on the 0–10 scale: 9.0 (DESIGN.md §3, "or 9.0 of 10
 * per-item mean"); it is `WEAK_ALLIANCE_CUTOFF_DEFAULT / ALLIANCE_CONSTRUCTS_IN_TOTAL`.
 */
export const WEAK_ALLIANCE_ITEM_MEAN_CUTOFF = 9.0;

/** Lowest and highest cut-off a programme may set (points of 40); below 20 the rule is no early warning. */
export const WEAK_ALLIANCE_CUTOFF_RANGE = { min: 20, max: 40 } as const;

/**
 * Rupture: a drop of at least this many points (of 40) from the previous rated session. OpenFIT raises a
 * red alert when the SRS drops ≥ 1 point from the previous session (support.openfit.care 204000069702).
 * Ceiling effects are large, so a drop is the stronger signal (DESIGN.md §3).
 */
export const RUPTURE_DROP_DEFAULT = 1;

/** Range a programme may set for the rupture drop (points of 40); it must be above zero. */
export const RUPTURE_DROP_RANGE = { min: 0.5, max: 10 } as const;

/**
 * Reliable change (Jacobson & Truax 1991; psyctc.org/stats/rcsc1.htm): RC = (x₂ − x₁) / S_diff with
 * S_diff = SD·√2·√(1 − r); the change is reliable when |RC| is above this value (the two-sided 95 % point
 * of the normal distribution).
 */
export const RELIABLE_CHANGE_Z = 1.96;

/**
 * SD of Alliance Check totals (points of 40) used in S_diff. PROVISIONAL planning value: the research file
 * gives no SD for the SRS; totals cluster near the ceiling (bands 35–38 "fair", 39–40 "good",
 * cindyhansencft.com; ceiling effects across 37 studies), so the spread between people is a few points.
 * Replace with the programme's own estimate once it has enough ratings.
 */
export const RELIABLE_CHANGE_SD_DEFAULT = 4.0;

/** Range a programme may set for the SD (points of 40). */
export const RELIABLE_CHANGE_SD_RANGE = { min: 0.5, max: 20 } as const;

/**
 * Reliability r of the total used in S_diff. PROVISIONAL: the lower end of the SRS's internal consistency,
 * α .88–.97 (sswr.confex.com 2018 Paper31107). Internal consistency, not test–retest (.54–.70, review
 * 10.1080/26408066.2020.1729281): the alliance really changes between sessions, so test–retest mixes true
 * change into "error". The lower α gives the larger S_diff, i.e. the more cautious "reliable" label.
 * With SD 4 and r .88, S_diff ≈ 1.96 points and a drop is reliable from about 3.84 points (4 or more whole
 * points). Replace with the programme's own α once it has enough ratings.
 */
export const RELIABLE_CHANGE_RELIABILITY_DEFAULT = 0.88;

/** Range a programme may set for r (r = 1 would make S_diff zero). */
export const RELIABLE_CHANGE_RELIABILITY_RANGE = { min: 0, max: 0.99 } as const;

/**
 * Goal/task agreement falling (M1 renegotiation): the mean of the goals and tasks constructs (0–10) fell by
 * at least this much from the previous rated session. Design choice, PROVISIONAL (no published threshold
 * for subscale drops): one whole step of the 0–10 scale on both constructs together. Goal and task
 * agreement predict coaching outcome more strongly than bond (de Haan et al. 2016).
 */
export const GOAL_TASK_DROP_DEFAULT = 1.0;

/** Range a programme may set for the goal/task drop (points of 10). */
export const GOAL_TASK_DROP_RANGE = { min: 0.5, max: 10 } as const;

/**
 * Goal/task agreement low: goals or tasks rated below this (0–10) also prompts a revisit. Hiboop's SRS
 * guidance: check in when any single item is below about 8–9 (hiboop.com/fr/assessments/srs); 8, the lower
 * end, because ratings crowd the ceiling. 0 switches this half of the rule off.
 */
export const GOAL_TASK_FLOOR_DEFAULT = 8.0;

/** Range a programme may set for the goal/task floor (points of 10; 0 = off). */
export const GOAL_TASK_FLOOR_RANGE = { min: 0, max: 10 } as const;

/**
 * Perception gap: the coach's predicted total minus the coachee's actual total (points of 40) at or above
 * this raises the alert (P1 self-awareness). Design choice, PROVISIONAL: the smallest whole number of
 * points above 1.96·S_diff ≈ 3.84 with the default SD and r, so a gap this large is beyond measurement error.
 * Therapists predicted 1 of 40 eventual deteriorators (Hannan et al. 2005): hunches miss what ratings show.
 */
export const PERCEPTION_GAP_DEFAULT = 4;

/** Range a programme may set for the perception gap (points of 40). */
export const PERCEPTION_GAP_RANGE = { min: 1, max: 20 } as const;

/**
 * PHQ-2 (0–6) screen positive at or above this score: sensitivity 83 %, specificity 92 % for major
 * depression (Kroenke, Spitzer & Williams 2003, Medical Care 41:1284). Not configurable: a validated cut-off.
 */
export const PHQ2_POSITIVE_AT = 3;

/**
 * GAD-2 (0–6) screen positive at or above this score: sensitivity 86 %, specificity 83 % (Kroenke et al.
 * 2007). Not configurable: a validated cut-off. PHQ and GAD: Pfizer, released without copyright restriction.
 */
export const GAD2_POSITIVE_AT = 3;

/** Highest PHQ-2 and GAD-2 score (two items scored 0–3). */
export const SCREEN_MAX = 6;

/**
 * Missing ratings: this many consecutive held sessions whose rating window closed without a rating raise
 * the alert (issue 3; OpenFIT shows "grey" when too few scores exist, KA-01028/29). Unrated sessions leave
 * the coach blind: therapists skip or lose the SRS for fear of criticism (blog.betteroutcomesnow.com).
 */
export const MISSING_RATINGS_IN_A_ROW_DEFAULT = 2;

/** Range a programme may set for missing ratings in a row (whole sessions). */
export const MISSING_RATINGS_IN_A_ROW_RANGE = { min: 1, max: 10 } as const;

/**
 * Periodic check-ins: the coachee answers the Coach attributes and the Side-effects check every this many
 * sessions (issue 3: "every 3rd session by default"). Coach attributes: five attributes behind the coach's
 * contribution to the alliance (DESIGN.md M5–M7); side effects: about 26 % of coachees meet problems beyond
 * what coaching can handle (Graßmann & Schermuly 2016), so they are asked often, not only at the end.
 */
export const PERIODIC_CHECK_EVERY_DEFAULT = 3;

/** Range a programme may set for the periodic check-ins (whole sessions; 1 = every session). */
export const PERIODIC_CHECK_EVERY_RANGE = { min: 1, max: 12 } as const;

/**
 * The Five pillars are asked of the coachee, and of the coach as a self-view, at these session numbers and
 * at the engagement's last planned session (issue 3: "sessions 3, 6 and the last"): early enough to repair,
 * late enough to have something to rate.
 */
export const FIVE_PILLARS_SESSIONS: readonly number[] = [3, 6];

/**
 * Coach-level alliance profiles (M8) average at least this many sessions per coachee: generalisability
 * .80 from 2 sessions and .90 from 4 (PMC3111943); coach-level, not coachee-level, alliance predicts
 * outcome (Baldwin, Wampold & Imel 2007). Used by profiles, not by the per-session rules.
 */
export const COACH_PROFILE_MIN_SESSIONS = 4;

/** Longest note accepted when an alert is resolved (characters). */
export const RESOLUTION_NOTE_MAX_LENGTH = 2000;
