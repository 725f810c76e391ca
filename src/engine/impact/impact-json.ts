import type { SpecImpact } from "./spec-impact.js";

/** The impact as one JSON value (the criterion id map as an object), for `--json` and MCP. */
export function impactJson(impact: SpecImpact): Record<string, unknown> {
  const requirements = impact.analysis.requirements;
  return {
    ...impact,
    analysis: {
      ...impact.analysis,
      requirements:
        requirements === undefined ? null : { ...requirements, idMap: Object.fromEntries(requirements.idMap) },
    },
  };
}
