import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTaskContext } from "../../../src/engine/context/build-task-context.js";
import { referencedCriteria, specCriteria } from "../../../src/engine/context/referenced-criteria.js";
import { parseBugfix } from "../../../src/model/bugfix/parse-bugfix.js";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import { flattenTasks } from "../../../src/model/tasks/walk-tasks.js";
import { CORPUS_ROOT, corpusFiles } from "../../helpers/corpus.js";

/** Spec folders of the corpus that have a tasks.md: the workspace root, the spec's name, its tasks. */
function corpusSpecs(): { root: string; spec: string; path: string }[] {
  return corpusFiles(/\.kiro\/specs\/[^/]+\/tasks\.md$/).map((file) => {
    const match = /^(.*)\/\.kiro\/specs\/([^/]+)\/tasks\.md$/.exec(file.path);
    return { root: match?.[1] ?? "", spec: match?.[2] ?? "", path: file.path };
  });
}

describe("buildTaskContext over the corpus (read in place)", () => {
  const specs = existsSync(CORPUS_ROOT) ? corpusSpecs() : [];

  it("finds specs to run on", () => {
    expect(specs.length).toBeGreaterThan(20);
  });

  it("never throws for a task that exists, stays within the cap, and includes only referenced criteria", async () => {
    let contexts = 0;
    for (const { root, spec, path } of specs) {
      const folder = join(root, ".kiro", "specs", spec);
      const names = readdirSync(folder);
      const plan = parseTasks(readFileSync(path, "utf8"));
      const criteria = specCriteria({
        ...(names.includes("requirements.md")
          ? { requirements: parseRequirements(read(folder, "requirements.md")) }
          : {}),
        ...(names.includes("bugfix.md") ? { bugfix: parseBugfix(read(folder, "bugfix.md")) } : {}),
      });
      // Unique ids only: a duplicated id is refused (ambiguous), which is right, and covered elsewhere.
      const all = flattenTasks(plan.tasks);
      const tasks = all.filter(
        (task) => task.id !== undefined && all.filter((other) => other.id === task.id).length === 1,
      );
      for (const task of tasks.slice(0, 6)) {
        const context = await buildTaskContext({ root, spec, taskId: task.id ?? "", maxChars: 30_000 });
        contexts++;
        expect(context.text.length).toBeLessThanOrEqual(30_000);
        const allowed = new Set(referencedCriteria(task, criteria).criteria.map((criterion) => criterion.id));
        for (const criterion of context.criteria) expect(allowed.has(criterion.id), `${spec} ${task.id}`).toBe(true);
        const references = flattenTasks([task]).flatMap((entry) => entry.references);
        const all = references.some((line) => line.references.all);
        const ids = new Set(references.flatMap((line) => line.references.ids));
        for (const criterion of context.criteria) {
          expect(
            all || ids.has(criterion.id) || ids.has(criterion.requirementId),
            `${spec} ${task.id} ${criterion.id}`,
          ).toBe(true);
        }
      }
    }
    expect(contexts).toBeGreaterThan(100);
  }, 120_000);
});

function read(folder: string, name: string): string {
  return readFileSync(join(folder, name), "utf8");
}
