#!/usr/bin/env node
/**
 * Fidelity report for maintainers: what the built library reads from a corpus of real `.kiro/` folders and
 * what the rules say about it, in a stable plain-text form so a parser change shows up as one diff.
 *
 *   npm run corpus:report -- ../shared/corpus/kiro/
 *
 * <dir> is either a workspace (it holds `.kiro/`) or a folder of workspaces (each sub-folder holds one).
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { flattenTasks, loadWorkspaceModel, runCheck } from "../dist/index.js";

const target = process.argv[2];
if (!target || target === "--help" || target === "-h") {
  console.log("Usage: npm run corpus:report -- <dir>\n\n<dir> holds `.kiro/`, or sub-folders that each hold one.");
  process.exit(target ? 0 : 2);
}
const base = resolve(target);
const roots = existsSync(join(base, ".kiro"))
  ? [base]
  : readdirSync(base, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, ".kiro")))
      .map((entry) => join(base, entry.name))
      .sort();

const ruleCounts = new Map();
const totals = { requirements: 0, criteria: 0, grouped: 0, tasks: 0, attached: 0, done: 0, properties: 0 };
const rows = [];
for (const root of roots) {
  const name = root === base ? "." : root.slice(base.length + 1);
  const model = await loadWorkspaceModel(root);
  for (const spec of model.specs) {
    const requirements = spec.requirements?.document.requirements ?? [];
    const criteria = requirements.flatMap((requirement) => requirement.criteria);
    // Bug analysis clauses, whether they sit in bugfix.md or in a bugfix spec's requirements.md.
    const clauses = [...(spec.bugfix?.document.clauses ?? []), ...(spec.requirements?.document.bugfixClauses ?? [])];
    const grouped = criteria.filter((criterion) => criterion.group !== undefined).length;
    const tasks = spec.tasks ? flattenTasks(spec.tasks.document.tasks) : [];
    const attached = tasks.filter((task) => task.depth > 0).length;
    const done = tasks.filter((task) => task.status === "done").length;
    const properties = spec.design?.document.properties.length ?? 0;
    const counts = {
      requirements: requirements.length,
      criteria: criteria.length + clauses.length,
      grouped,
      tasks: tasks.length,
      attached,
      done,
      properties,
    };
    for (const key of Object.keys(totals)) totals[key] += counts[key];
    rows.push(
      `${name}/${spec.name}: requirements ${counts.requirements}, criteria ${counts.criteria}, grouped ${grouped}, ` +
        `tasks ${counts.tasks}, sub-tasks ${attached}, done ${done}, properties ${properties}`,
    );
  }
  const report = await runCheck({ cwd: root, root, cache: false });
  for (const diagnostic of report.diagnostics) {
    ruleCounts.set(diagnostic.rule, (ruleCounts.get(diagnostic.rule) ?? 0) + 1);
  }
}

console.log(`# Specs (${rows.length} in ${roots.length} workspaces)`);
for (const row of rows) console.log(row);
console.log(
  `\n# Totals\nrequirements ${totals.requirements}, criteria ${totals.criteria}, grouped ${totals.grouped}, ` +
    `tasks ${totals.tasks}, sub-tasks ${totals.attached}, done ${totals.done}, properties ${totals.properties}`,
);
console.log("\n# Diagnostics by rule");
let all = 0;
for (const [rule, count] of [...ruleCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  console.log(`${rule} ${count}`);
  all += count;
}
console.log(`total ${all}`);
