// Plain names of the match score's components, as the matching pages show them.

export const COMPONENT_LABELS: Record<string, string> = {
  themes: "Themes",
  background: "Background",
  style: "Coaching style",
  industry: "Industry",
  function: "Function",
  seniority: "Seniority",
  timeZone: "Time zone",
  gender: "Gender (the coachee's preference)",
};

export const componentLabel = (component: string) => COMPONENT_LABELS[component] ?? component;
