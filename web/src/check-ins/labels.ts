// Short names of the check-ins' items, as the engagement page lists their scores.

export const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  trust: "Trust",
  emotions: "Emotions",
  "two-way": "Two-way talk",
  learning: "Learning",
  contract: "Clear contract",
};

export const PILLAR_LABELS: Readonly<Record<string, string>> = {
  "self-awareness": "Self-awareness",
  empathy: "Empathy",
  "positive-regard": "Positive regard",
  genuineness: "Genuineness",
  presence: "Presence",
};
