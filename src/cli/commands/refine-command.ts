import type { AuthoringEventListener } from "../../engine/authoring/authoring-event.js";
import type { RefinementOutcome } from "../../engine/authoring/refine-document.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import type { ModelSession } from "../../engine/llm/model-session.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import type { ModelOptions } from "../model-options.js";
import { detectTerminal, paint } from "../terminal.js";

export interface RefineOptions extends CommonOptions, ModelOptions {
  /** Apply the revision without asking. */
  readonly yes?: boolean;
}

/**
 * `specwright refine <spec> <document> "<instruction>"`: the model revises the file as it is on disk, the
 * diff is shown, and the revision is applied on confirmation (or `--yes`).
 */
export async function refineCommand(
  spec: string,
  document: string,
  instruction: string,
  options: RefineOptions,
): Promise<void> {
  await runCommand(options.json === true, async () => {
    const { isSpecDocumentKind } = await import("../../engine/authoring/spec-document-kind.js");
    if (!isSpecDocumentKind(document)) {
      throw new EngineError({
        code: "unknown-document",
        kind: "usage",
        message: `"${document}" is not a spec document.`,
        fix: "Name one of requirements, bugfix, design or tasks.",
        candidates: ["requirements", "bugfix", "design", "tasks"],
      });
    }
    const { refineDocument } = await import("../../engine/authoring/refine-document.js");
    return proposeRevision(options, "refine", ({ cwd, root, session, onEvent }) =>
      refineDocument({ cwd, root, session, spec, document, instruction, onEvent }),
    );
  });
}

/**
 * The review half of refine and `--update`: the model's revision is produced by `produce`, its diff shown,
 * and it is applied on confirmation or `--yes` (only if the file did not change meanwhile); `extra` adds
 * fields to the JSON document and a line to the text.
 */
export async function proposeRevision(
  options: RefineOptions,
  command: string,
  produce: (context: {
    readonly cwd: string;
    readonly root: string;
    readonly session: ModelSession;
    readonly onEvent: AuthoringEventListener;
  }) => Promise<RefinementOutcome>,
  extra: (outcome: RefinementOutcome) => {
    readonly json?: Record<string, unknown>;
    readonly text?: string;
  } = () => ({}),
): Promise<number> {
  const { authoringRoot } = await import("../../engine/authoring/check-candidate-document.js");
  const { openModelSession } = await import("../model-options.js");
  const { authoredJson, createAuthoringProgress, printAuthored, withUsageOnFailure } = await import(
    "../authoring-output.js"
  );
  const { canAskOnTerminal, confirmOnTerminal } = await import("../ask-on-terminal.js");
  const { formatUsageLine } = await import("../model-usage-output.js");
  const cwd = process.cwd();
  const root = await authoringRoot({ cwd, ...(options.root ? { root: options.root } : {}) });
  const { applyRefinement } = await import("../../engine/authoring/refine-document.js");
  const session = await openModelSession(options, { root, command });
  const outcome = await withUsageOnFailure(session, () =>
    produce({ cwd, root, session, onEvent: createAuthoringProgress({ verbose: options.verbose === true }) }),
  );
  const added = extra(outcome);
  await session.flush();
  const usage = session.totals();
  if (outcome.status === "draft") {
    if (options.json) {
      printJson(authoredJson(outcome.draft, usage));
      return EXIT_FINDINGS;
    }
    return printAuthored(outcome.draft, usage, undefined);
  }
  const { proposal } = outcome;
  const terminal = detectTerminal();
  if (!options.json) {
    process.stdout.write(proposal.diff === "" ? "The model changed nothing.\n" : colorDiff(proposal.diff, terminal));
    if (added.text) process.stdout.write(`${added.text}\n`);
  }
  const ask = !options.yes && !options.json && canAskOnTerminal() && proposal.diff !== "";
  const apply =
    proposal.diff !== "" && (options.yes === true || (ask && (await confirmOnTerminal(`Apply to ${proposal.file}?`))));
  const application = apply ? await applyRefinement(proposal) : undefined;
  const applied = application?.changed === true;
  const { describePlanWavesOutcome, planWavesOutcomeJson } = await import("./run-waves-output.js");
  if (options.json) {
    printJson({
      ok: applied || proposal.diff === "",
      spec: proposal.spec,
      document: proposal.document,
      file: proposal.file,
      applied,
      diff: proposal.diff,
      repairs: proposal.repairs,
      context: proposal.context,
      usage,
      ...added.json,
      ...(application?.waves ? { waves: planWavesOutcomeJson(application.waves) } : {}),
      ...(applied || proposal.diff === "" ? {} : { fix: "Run again with --yes to apply the revision." }),
    });
  } else if (applied) {
    process.stdout.write(
      `${paint(terminal, "green", "applied")} to ${proposal.file}; its approval was reset: review it, then specwright approve ${proposal.spec} ${proposal.document}\n`,
    );
    if (application?.waves) process.stdout.write(`${describePlanWavesOutcome(application.waves)}\n`);
  } else if (proposal.diff !== "") {
    process.stdout.write(
      `${paint(terminal, "yellow", "not applied")}: ${proposal.file} is unchanged.${ask ? "" : " Run again with --yes to apply the revision (there is no terminal to confirm on)."}\n`,
    );
  }
  if (!options.json) process.stderr.write(`${formatUsageLine(usage)}\n`);
  return applied || proposal.diff === "" ? EXIT_SUCCESS : EXIT_FINDINGS;
}

function colorDiff(diff: string, terminal: ReturnType<typeof detectTerminal>): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+") && !line.startsWith("+++")) return paint(terminal, "green", line);
      if (line.startsWith("-") && !line.startsWith("---")) return paint(terminal, "red", line);
      if (line.startsWith("@@")) return paint(terminal, "cyan", line);
      return line;
    })
    .join("\n");
}
