import { EngineError } from "../../engine/errors/engine-error.js";
import type { RecordingModelSession } from "../../engine/llm/create-model-session.js";
import {
  generateSteering,
  type SteeringFileOutcome,
  type SteeringGenerationEvent,
} from "../../engine/steering-generation/generate-steering.js";
import { resolveSteeringRoot } from "../../engine/steering-generation/resolve-steering-root.js";
import {
  isSteeringDocumentName,
  STEERING_DOCUMENT_NAMES,
  type SteeringDocumentName,
} from "../../engine/steering-generation/steering-documents.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import { type ModelOptions, openModelSession } from "../model-options.js";
import { formatUsageLine } from "../model-usage-output.js";
import { detectTerminal, paint } from "../terminal.js";

export interface SteerGenerateOptions extends CommonOptions, ModelOptions {
  readonly force?: boolean;
  readonly only?: string;
}

/** `specwright steer generate`: product.md, tech.md and structure.md from the repository. */
export async function steerGenerateCommand(options: SteerGenerateOptions): Promise<void> {
  const json = options.json === true;
  await runCommand(json, async () => {
    const documents = parseOnly(options.only);
    const root = await resolveSteeringRoot({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}) });
    let session: RecordingModelSession | undefined;
    try {
      const result = await generateSteering({
        root,
        openSession: async () => {
          session = await openModelSession(options, { root, command: "steer generate" });
          return session;
        },
        force: options.force === true,
        documents,
        ...(json ? {} : { onEvent: (event) => printProgress(event, options.verbose === true) }),
      });
      const failed = result.files.some((file) => file.status === "draft" || file.status === "failed");
      const totals = session?.totals();
      if (json) {
        printJson({
          ok: !failed,
          root: result.root,
          files: result.files,
          analysis: result.analysis,
          usage: totals ?? null,
        });
      } else {
        for (const file of result.files) printOutcome(file);
        if (result.files.every((file) => file.status === "skipped")) {
          process.stdout.write("Nothing generated: every steering file exists. Pass --force to replace them.\n");
        }
      }
      return failed ? EXIT_FINDINGS : EXIT_SUCCESS;
    } finally {
      // Also when a call failed half-way: what was spent so far is worth knowing.
      const totals = session?.totals();
      if (totals !== undefined) process.stderr.write(`${formatUsageLine(totals)}\n`);
      await session?.flush();
    }
  });
}

function parseOnly(only: string | undefined): SteeringDocumentName[] {
  if (only === undefined) return [...STEERING_DOCUMENT_NAMES];
  const names = only
    .split(",")
    .map((name) => name.trim().replace(/\.md$/, ""))
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !isSteeringDocumentName(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new EngineError({
      code: "invalid-option",
      kind: "usage",
      message: `--only "${only}" names ${unknown.length > 0 ? `an unknown steering file: ${unknown.join(", ")}` : "no file"}.`,
      fix: `Name one or more of ${STEERING_DOCUMENT_NAMES.join(", ")}, separated by commas (e.g. --only tech,structure).`,
      candidates: STEERING_DOCUMENT_NAMES,
    });
  }
  return STEERING_DOCUMENT_NAMES.filter((name) => names.includes(name));
}

function printProgress(event: SteeringGenerationEvent, verbose: boolean): void {
  const terminal = detectTerminal(process.stderr);
  if (event.type === "analyzed") {
    const cuts = event.cuts.length > 0 ? ` (${event.cuts.join("; ")})` : "";
    process.stderr.write(`${paint(terminal, "dim", `analysed ${event.files} files${cuts}`)}\n`);
  } else if (event.type === "generate" && (verbose || event.round > 0)) {
    const what = event.round === 0 ? "writing" : `repairing (round ${event.round})`;
    process.stderr.write(`${paint(terminal, "dim", `${what} ${event.file}…`)}\n`);
  }
}

function printOutcome(outcome: SteeringFileOutcome): void {
  const terminal = detectTerminal();
  switch (outcome.status) {
    case "written":
      process.stdout.write(`${paint(terminal, "green", "wrote")} ${outcome.file}\n`);
      return;
    case "skipped":
      process.stdout.write(
        `${paint(terminal, "yellow", "skipped")} ${outcome.file}: it exists (--force replaces it)\n`,
      );
      return;
    case "kept":
      process.stdout.write(
        `${paint(terminal, "yellow", "kept")} ${outcome.file}: it appeared while generating; left alone\n`,
      );
      return;
    case "draft":
    case "failed": {
      const where = outcome.savedTo === undefined ? "nothing written" : `saved as ${outcome.savedTo} for review`;
      process.stdout.write(`${paint(terminal, "red", outcome.status)} ${outcome.file}: ${where}\n`);
      for (const problem of outcome.problems) {
        process.stdout.write(`  line ${problem.location.line} [${problem.rule}] ${problem.message}\n`);
      }
    }
  }
}
