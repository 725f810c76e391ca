import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import type { CodeFacts, ModuleFact } from "./code-facts.js";
import { criterionSources } from "./source-citations.js";

interface PlannedTask {
  readonly title: string;
  readonly details: readonly string[];
  readonly references: readonly string[];
}

/**
 * tasks.md of an as-built spec: the gaps the code facts show, in order: tests that pin current behaviour
 * (first of all when the code has none), the TODO/FIXME comments, the errors left unhandled, a checkpoint.
 * Every task cites the criteria whose `_Source:_` names its file, so the plan covers every criterion.
 */
export function renderGapTasks(facts: CodeFacts, requirementsText: string): string {
  const byFile = criteriaByFile(requirementsText);
  const allIds = parseRequirements(requirementsText).requirements.flatMap((requirement) =>
    requirement.criteria.map((criterion) => criterion.id),
  );
  const referencesOf = (module: ModuleFact | undefined, file: string): string[] => {
    const own = byFile.get(file) ?? [];
    if (own.length > 0) return own;
    // A file no criterion cites serves the ones of the modules that import it.
    const importers = facts.modules.filter((candidate) => candidate.imports.includes(module?.path ?? file));
    const inherited = [...new Set(importers.flatMap((importer) => byFile.get(importer.path) ?? []))];
    return inherited.length > 0 ? inherited : ["All"];
  };
  const covered = new Set(facts.tests.flatMap((test) => test.covers));
  const cited = facts.modules.filter((module) => (byFile.get(module.path) ?? []).length > 0);
  const groups: { title: string; tasks: PlannedTask[] }[] = [];
  const pinning = (module: ModuleFact): PlannedTask => ({
    title: `Write tests for \`${module.path}\` that pin its current behaviour`,
    details: facts.routes
      .filter((route) => route.file === module.path)
      .map((route) => `Cover \`${route.method} ${route.path}\`${route.handler ? ` (\`${route.handler}\`)` : ""}`),
    references: byFile.get(module.path) ?? [],
  });
  if (covered.size === 0) {
    groups.push({ title: "Pin the current behaviour with tests (the code has none)", tasks: cited.map(pinning) });
  } else {
    const untested = cited.filter((module) => !covered.has(module.path));
    const tested = cited.filter((module) => covered.has(module.path));
    if (untested.length > 0)
      groups.push({ title: "Pin the behaviour of the modules no test covers", tasks: untested.map(pinning) });
    if (tested.length > 0) {
      groups.push({
        title: "Confirm the existing tests pin the criteria",
        tasks: tested.map((module) => ({
          title: `Check that the tests of \`${module.path}\` assert its criteria, and add what they miss`,
          details: facts.tests
            .filter((test) => test.covers.includes(module.path))
            .map((test) => `Tests: \`${test.path}\``),
          references: byFile.get(module.path) ?? [],
        })),
      });
    }
  }
  if (facts.todos.length > 0) {
    groups.push({
      title: "Resolve the TODO and FIXME comments",
      tasks: facts.todos.map((todo) => ({
        title: `Resolve the ${todo.kind} in \`${todo.file}\` line ${todo.line}: ${todo.text || "(no text)"}`,
        details: [],
        references: referencesOf(
          facts.modules.find((module) => module.path === todo.file),
          todo.file,
        ),
      })),
    });
  }
  const open = facts.modules.filter((module) => module.unhandledErrors !== undefined);
  if (open.length > 0) {
    groups.push({
      title: "Handle the error cases the code leaves open",
      tasks: open.map((module) => ({
        title: `Handle the failures of \`${module.path}\` (${module.unhandledErrors}) and test them`,
        details: [],
        references: referencesOf(module, module.path),
      })),
    });
  }
  if (groups.length === 0 && allIds.length > 0) {
    groups.push({
      title: "Review the as-built spec against the code",
      tasks: [
        { title: "Read each criterion against its source and correct what is off", details: [], references: allIds },
      ],
    });
  }
  const lines = ["# Implementation Plan", "", "## Tasks", ""];
  groups
    .filter((group) => group.tasks.length > 0)
    .forEach((group, index) => {
      const number = index + 1;
      lines.push(`- [ ] ${number}. ${group.title}`);
      group.tasks.forEach((task, taskIndex) => {
        lines.push(`  - [ ] ${number}.${taskIndex + 1} ${task.title}`);
        for (const detail of task.details) lines.push(`    - ${detail}`);
        if (task.references.length > 0) lines.push(`    - _Requirements: ${task.references.join(", ")}_`);
      });
      lines.push("");
    });
  const checkpoint = groups.filter((group) => group.tasks.length > 0).length + 1;
  lines.push(`- [ ] ${checkpoint}. Checkpoint - Ensure all tests pass, ask the user if questions arise.`, "");
  return lines.join("\n");
}

function criteriaByFile(requirementsText: string): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const entry of criterionSources(requirementsText)) {
    for (const file of new Set(entry.citations.map((citation) => citation.file))) {
      byFile.set(file, [...(byFile.get(file) ?? []), entry.criterionId]);
    }
  }
  return byFile;
}
