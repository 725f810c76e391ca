import { EngineError } from "../../engine/errors/engine-error.js";
import { describeFinding, findingJson } from "../authoring-output.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import type { ModelOptions } from "../model-options.js";
import { detectTerminal, paint } from "../terminal.js";

export interface NewFromCodeOptions extends CommonOptions, ModelOptions {
  readonly yes?: boolean;
  readonly type?: string;
  readonly workflow?: string;
  readonly answers?: string;
  readonly quick?: boolean;
  readonly force?: boolean;
  readonly questions?: boolean;
}

/** `new <name> --from-code <paths…>`: an as-built spec of existing code (requirements by the model). */
export async function newFromCodeCommand(
  name: string,
  prompt: string | undefined,
  paths: readonly string[],
  options: NewFromCodeOptions,
): Promise<void> {
  await runCommand(options.json === true, async () => {
    const conflicting = [
      ...(prompt !== undefined ? ["a prompt"] : []),
      ...(["type", "workflow", "answers", "quick", "force"] as const)
        .filter((key) => options[key] !== undefined)
        .map((key) => `--${key}`),
      ...(options.questions === false ? ["--no-questions"] : []),
    ];
    if (conflicting.length > 0) {
      throw new EngineError({
        code: "from-code-conflict",
        kind: "usage",
        message: `--from-code reads the spec off the code; ${conflicting.join(", ")} ${conflicting.length === 1 ? "does" : "do"} not apply.`,
        fix: `Run specwright new ${name} --from-code ${paths.join(" ") || "<paths…>"} [--yes], without the others.`,
      });
    }
    const { authoringRoot } = await import("../../engine/authoring/check-candidate-document.js");
    const { newSpecFromCode } = await import("../../engine/from-code/new-spec-from-code.js");
    const { openModelSession } = await import("../model-options.js");
    const { createAuthoringProgress, withUsageOnFailure } = await import("../authoring-output.js");
    const { formatUsageLine } = await import("../model-usage-output.js");
    const cwd = process.cwd();
    const root = await authoringRoot({ cwd, ...(options.root ? { root: options.root } : {}) });
    const session = await openModelSession(options, { root, command: "new" });
    const result = await withUsageOnFailure(session, () =>
      newSpecFromCode({
        cwd,
        root,
        session,
        name,
        paths,
        ...(options.yes === true ? { approve: true } : {}),
        onEvent: createAuthoringProgress({ verbose: options.verbose === true }),
      }),
    );
    await session.flush();
    const usage = session.totals();
    // design.md and tasks.md are generated, not repaired: an error the check finds in them is reported as a failure.
    const ok = result.status === "written" && result.findings.every((finding) => finding.severity !== "error");
    if (options.json) {
      printJson({
        ok,
        spec: result.spec,
        origin: "from-code",
        status: result.status,
        files: result.files,
        facts: result.facts,
        approved: result.approved,
        repairs: result.repairs,
        problems: result.problems.map(findingJson),
        findings: result.findings.map(findingJson),
        context: result.context,
        createdWorkspace: result.createdWorkspace,
        usage,
      });
      return ok ? EXIT_SUCCESS : EXIT_FINDINGS;
    }
    const terminal = detectTerminal();
    const out = (text: string) => process.stdout.write(`${text}\n`);
    const { facts } = result;
    out(
      `read ${facts.modules} modules, ${facts.routes} routes, ${facts.tests} covering test files, ${facts.todos} TODO/FIXME comments, ${facts.unhandledErrors} modules with unhandled errors`,
    );
    if (result.status === "written") {
      const repaired =
        result.repairs > 0 ? ` after ${result.repairs} repair round${result.repairs === 1 ? "" : "s"}` : "";
      out(`${paint(terminal, "green", "wrote")} as-built spec ${paint(terminal, "bold", result.spec)}${repaired}:`);
      for (const file of result.files) out(`  ${file}`);
      for (const finding of result.findings.filter((candidate) => candidate.severity !== "info")) {
        out(`  ${paint(terminal, "yellow", "note")} ${describeFinding(finding)}`);
      }
      out(
        !ok
          ? "The generated documents have check errors (above); fix them by hand, then run specwright check."
          : result.approved.length > 0
            ? `approved ${result.approved.join(", ")}; next: specwright run ${result.spec}`
            : `Next: review the three documents, then approve each: specwright approve ${result.spec} (requirements, then design, then tasks)`,
      );
    } else {
      out(
        `${paint(terminal, "red", "draft only")} ${result.files[0] ?? ""}: the requirements still have problems after ${result.repairs} repair rounds, so no design or tasks were written`,
      );
      for (const problem of result.problems) out(`  ${describeFinding(problem)}`);
    }
    process.stderr.write(`${formatUsageLine(usage)}\n`);
    return ok ? EXIT_SUCCESS : EXIT_FINDINGS;
  });
}
