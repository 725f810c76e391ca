import { EngineError } from "../../engine/errors/engine-error.js";
import type { RunEvent } from "../../engine/runner/run-events.js";
import type { LoadedTaskWaves } from "../../engine/task-waves/load-task-waves.js";
import type { WaveRunEvent } from "../../engine/task-waves/wave-events.js";
import type { PlanWavesOutcome, WrittenPlanWaves } from "../../engine/task-waves/write-plan-waves.js";

/** `--parallel N`: a whole number of agents, at least 1. */
export function parseParallel(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (Number.isInteger(count) && count > 0 && count <= 64) return count;
  throw new EngineError({
    code: "invalid-option",
    kind: "usage",
    message: `--parallel "${value}" is not a whole number of agents between 1 and 64.`,
    fix: "Pass how many tasks may run at once, e.g. --parallel 3.",
  });
}

/** `run --dry-run`: the waves, one line each, with what each task waits for. */
export function formatWaves(waves: LoadedTaskWaves, parallel: number | undefined): string {
  const lines = [
    `${waves.spec}: ${waves.waves.length} wave(s) of ${waves.plan.tasks.length} task(s), from ${describeSource(waves.source)}${parallel === undefined ? "" : `, at most ${parallel} at once`}`,
  ];
  for (const wave of waves.waves) {
    lines.push(`wave ${wave.index}${wave.barrier ? " (checkpoint)" : ""}: ${wave.taskIds.join(", ")}`);
    for (const id of wave.taskIds) {
      const after = waves.dependencies[id] ?? [];
      if (after.length > 0)
        lines.push(`  ${id} after ${after.map((edge) => `${edge.taskId} (${edge.reason})`).join(", ")}`);
    }
  }
  for (const skipped of waves.plan.skipped) lines.push(`skipped ${skipped.taskId}: ${skipped.reason}`);
  return `${lines.join("\n")}\n`;
}

function describeSource(source: LoadedTaskWaves["source"]): string {
  if (source === "kiro-waves") return "tasks.meta.json waves";
  if (source === "markers") return "_Depends:_/_After:_/(P) markers";
  return "task order (no markers: one task at a time)";
}

/** The JSON document of `run --dry-run --json`. */
export function wavesDocument(waves: LoadedTaskWaves, parallel: number | undefined): unknown {
  return {
    ok: true,
    spec: waves.spec,
    parallel: parallel ?? 1,
    source: waves.source,
    waves: waves.waves,
    dependencies: waves.dependencies,
    skipped: waves.plan.skipped,
  };
}

/** A wave's own events as the runner's view can show them (a plain line); the runner's pass through. */
export function asViewEvent(event: WaveRunEvent): RunEvent | undefined {
  switch (event.type) {
    case "wave-start":
      return {
        type: "warning",
        message: `wave ${event.wave}: ${event.taskIds.join(", ")} (base ${event.base.slice(0, 12)}${event.ahead ? ", started while the wave before was tested" : ""})`,
      };
    case "wave-merge":
      return { type: "warning", message: `wave ${event.wave}: task ${event.taskId} ${event.result}` };
    case "wave-rerun":
      return {
        type: "warning",
        message: `wave ${event.wave}: task ${event.taskId} runs again alone (${event.reason})`,
      };
    case "wave-end":
      return undefined;
    case "worktrees-cleaned":
      return { type: "warning", message: `removed ${event.paths.length} worktree(s) an earlier run left` };
    default:
      return event;
  }
}

/** `plan --waves`: what was written to tasks.meta.json (or would be, with --dry-run), one line a wave. */
export function formatPlanWaves(result: WrittenPlanWaves, dryRun: boolean): string {
  const verb = dryRun ? "would write" : result.changed ? "wrote" : "unchanged";
  const lines = [
    `${verb} ${result.file}: ${result.waves.length} wave(s) of ${result.stored.flat().length} task(s), from ${describeSource(result.source)}`,
  ];
  for (const wave of result.waves) {
    lines.push(`wave ${wave.index}${wave.barrier ? " (checkpoint)" : ""}: ${wave.taskIds.join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The JSON document of `plan --waves [--dry-run] --json`. */
export function planWavesDocument(result: WrittenPlanWaves, dryRun: boolean): unknown {
  return {
    ok: true,
    spec: result.spec,
    file: result.file,
    dryRun,
    changed: result.changed,
    source: result.source,
    waves: result.stored,
  };
}

/** The line `plan`, `plan --update` and `refine … tasks` add about the waves beside the plan. */
export function describePlanWavesOutcome(outcome: PlanWavesOutcome): string {
  if (outcome.status === "written") {
    const { waves } = outcome;
    const state = waves.changed ? "wrote" : "kept";
    return `${state} ${waves.waves.length} wave(s) in ${waves.file}: ${waves.stored.map((wave) => wave.join(" ")).join(" | ")}`;
  }
  return `waves not written: ${outcome.message} ${outcome.fix}`;
}

/** The same outcome in a command's JSON document. */
export function planWavesOutcomeJson(outcome: PlanWavesOutcome): unknown {
  return outcome.status === "written"
    ? { status: "written", file: outcome.waves.file, changed: outcome.waves.changed, waves: outcome.waves.stored }
    : { status: "not-written", code: outcome.code, message: outcome.message, fix: outcome.fix };
}
