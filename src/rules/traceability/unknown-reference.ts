import { flattenTasks } from "../../model/tasks/walk-tasks.js";
import { nearbyIds } from "../../model/text/nearby-ids.js";
import { defineRule, type Finding } from "../rule.js";
import { isKnownId, knownIds } from "./known-ids.js";
import { narrowToId } from "./narrow-to-id.js";

export const unknownReference = defineRule({
  id: "traceability/unknown-reference",
  family: "traceability",
  severity: "error",
  summary:
    "A `_Requirements:_` or `**Validates:**` reference (in tasks.md or design.md) names a criterion that does not exist.",
  fix: "Point the reference at an existing criterion id (requirement number, dot, criterion number), or remove it.",
  check(workspace) {
    const findings: Finding[] = [];
    for (const spec of workspace.specs) {
      const known = knownIds(spec);
      if (!known) continue;
      // Listed only for a finding: most specs have no unknown reference.
      let listed: string[] | undefined;
      const report = (file: string, id: string, location: Finding["location"], where: string): Finding => {
        listed ??= [...known.criteria, ...known.requirements.keys()];
        const all = listed;
        const candidates = nearbyIds(id, all);
        return {
          file,
          location,
          message: `${where} references ${id}, which is not a criterion of this spec.`,
          fix:
            candidates.length > 0
              ? `Did you mean ${candidates.join(", ")}? Otherwise remove ${id} from the list.`
              : `Remove ${id}; this spec's criteria are ${all.slice(0, 6).join(", ")}${all.length > 6 ? ", …" : ""}.`,
        };
      };
      if (spec.tasks) {
        for (const task of flattenTasks(spec.tasks.document.tasks)) {
          for (const line of task.references) {
            for (const id of line.references.ids) {
              if (!isKnownId(id, known)) {
                const location = narrowToId(spec.tasks.document.source.text, line.listLocation, id);
                findings.push(report(spec.tasks.path, id, location, `Task ${task.id ?? task.title}`));
              }
            }
          }
        }
      }
      if (spec.design) {
        for (const property of spec.design.document.properties) {
          for (const id of property.validates?.ids ?? []) {
            if (!isKnownId(id, known) && property.validates) {
              const location = narrowToId(spec.design.document.source.text, property.validates.location, id);
              findings.push(report(spec.design.path, id, location, `Property ${property.number}`));
            }
          }
        }
      }
    }
    return findings;
  },
});
