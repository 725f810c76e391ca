import { randomUUID } from "node:crypto";
import { join, relative, sep } from "node:path";
import { specConfigTemplate } from "../../model/templates/spec-templates.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { createDirectoryExclusive } from "../../workspace/create-directory-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { isDirectory } from "../../workspace/is-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { approvePhase } from "../approvals/approve-phase.js";
import type { SpecPhase } from "../approvals/spec-phase.js";
import { DRAFT_SUFFIX } from "../authoring/authored-document.js";
import { type AuthoringOptions, authoringContextChars } from "../authoring/authoring-options.js";
import type { ContextReport } from "../authoring/context-report.js";
import { defaultContextSources } from "../authoring/default-context-sources.js";
import { type ContextSection, fitContext } from "../authoring/fit-context.js";
import { generateDocument } from "../authoring/generate-document.js";
import { loadPhasePrompt } from "../authoring/phase-prompt.js";
import { EngineError } from "../errors/engine-error.js";
import { assertKiroFolderUsable, resolveStartingRoot } from "../init/init-target-root.js";
import { validateSpecName } from "../new-spec/new-spec-name.js";
import { renderAsBuiltDesign } from "./as-built-design.js";
import { checkAsBuiltSpec } from "./check-as-built-spec.js";
import type { CodeFacts } from "./code-facts.js";
import { renderGapTasks } from "./gap-tasks.js";
import { gatherCodeFacts } from "./gather-code-facts.js";
import { renderCodeFacts } from "./render-code-facts.js";
import { sourceCitationFindings } from "./source-citations.js";

export interface NewSpecFromCodeOptions extends AuthoringOptions {
  readonly name: string;
  /** Files or folders of the code, relative to `cwd`. */
  readonly paths: readonly string[];
  readonly specId?: string;
  /** `--yes`: approve the three documents once written (they describe the code as it already is). */
  readonly approve?: boolean;
}

export interface NewSpecFromCodeResult {
  readonly root: string;
  readonly spec: string;
  /** `written`: the three documents are in place; `draft`: only requirements.md.draft (still failing). */
  readonly status: "written" | "draft";
  /** The files written, relative to the root with `/`. */
  readonly files: readonly string[];
  readonly facts: {
    readonly modules: number;
    readonly routes: number;
    readonly tests: number;
    readonly todos: number;
    readonly unhandledErrors: number;
  };
  /** What still fails in the requirements draft; empty when written. */
  readonly problems: readonly CheckDiagnostic[];
  /** Every finding of the written spec (infos included). */
  readonly findings: readonly CheckDiagnostic[];
  readonly repairs: number;
  readonly context: ContextReport;
  readonly createdWorkspace: boolean;
  /** Phases approved (`approve`), in order. */
  readonly approved: readonly SpecPhase[];
}

const AS_BUILT_PHASES: readonly SpecPhase[] = ["requirements", "design", "tasks"];

/**
 * `specwright new <name> --from-code <paths…>`: an as-built spec of existing code. The code facts are read
 * deterministically; the model writes requirements.md from them, each criterion citing its `_Source:_`
 * (checked against the facts and repaired like any check finding); design.md (the real import graph) and
 * tasks.md (the gaps: pinning tests first, TODOs, unhandled errors) are generated from the facts and checked
 * with the requirements. The folder appears whole, with `.config.kiro` saying `"origin": "from-code"`.
 */
export async function newSpecFromCode(options: NewSpecFromCodeOptions): Promise<NewSpecFromCodeResult> {
  validateSpecName(options.name);
  const cwd = options.cwd ?? process.cwd();
  const root = await resolveStartingRoot({ cwd, ...(options.root === undefined ? {} : { root: options.root }) });
  await assertKiroFolderUsable(root);
  const createdWorkspace = !(await isDirectory(kiroPaths(root).kiroDirectory));
  const folder = join(kiroPaths(root).specsDirectory, options.name);
  if (await isDirectory(folder)) throw specExists(options.name, folder);
  const facts = await gatherCodeFacts({ root, cwd, paths: options.paths });

  const maxChars = authoringContextChars(options);
  const sources = options.sources ?? defaultContextSources();
  const filesInPlay = facts.modules.map((module) => module.path);
  const steering = await sources.steering({ root, prompt: "", filesInPlay, maxChars });
  const sections: ContextSection[] = [
    {
      source: "code facts",
      title: "Code facts",
      text: renderCodeFacts(facts),
      reason: "the modules, routes, tests and comments under the paths",
      required: true,
    },
    ...steering.sections.map((section) => ({ ...section, required: false })),
  ];
  const fitted = fitContext(sections, maxChars, steering.excluded);
  options.onEvent?.({ type: "context", report: fitted.report });
  const generated = await generateDocument({
    session: options.session,
    root,
    spec: options.name,
    document: "requirements",
    purpose: "requirements from code",
    system: (await loadPhasePrompt(root, "from-code")).text,
    context: `Write requirements.md for the as-built spec "${options.name}" of the code below.\n\n${fitted.text}`,
    repairRounds: options.repairRounds,
    extraFindings: (text, file) => sourceCitationFindings(text, file, facts),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  if (generated.content === undefined) {
    throw new EngineError({
      code: "no-document",
      message: "The model did not write requirements.md from the code facts; nothing was written.",
      fix: "Run the command again; if the model keeps refusing, choose another model (--model).",
    });
  }
  const config = specConfigTemplate({
    specId: options.specId ?? randomUUID(),
    type: "feature",
    workflow: "requirements-first",
    origin: "from-code",
    paths: facts.paths.map((path) => ownedGlob(facts, path)),
  });
  const documents: Record<string, string> = generated.ok
    ? {
        "requirements.md": generated.content,
        "design.md": renderAsBuiltDesign(facts, generated.content),
        "tasks.md": renderGapTasks(facts, generated.content),
      }
    : { [`requirements.md${DRAFT_SUFFIX}`]: generated.content };
  const findings = generated.ok ? await checkAsBuiltSpec(root, options.name, documents) : [];
  await ensureDirectory(kiroPaths(root).specsDirectory);
  const outcome = await createDirectoryExclusive(
    folder,
    [
      ...Object.entries(documents).map(([name, content]) => ({ name, content })),
      { name: ".config.kiro", content: config },
    ],
    { stagingDirectory: kiroPaths(root).kiroDirectory },
  );
  if (outcome === "exists") throw specExists(options.name, folder);
  if (generated.interruptedBy !== undefined) throw generated.interruptedBy;
  const approved: SpecPhase[] = [];
  if (generated.ok && options.approve === true) {
    for (const phase of AS_BUILT_PHASES) {
      await approvePhase({ root, spec: options.name, phase });
      approved.push(phase);
    }
  }
  const toRelative = (name: string) => relative(root, join(folder, name)).split(sep).join("/");
  return {
    root,
    spec: options.name,
    status: generated.ok ? "written" : "draft",
    files: [...Object.keys(documents), ".config.kiro"].map(toRelative),
    facts: summarizeFacts(facts),
    problems: generated.ok ? [] : generated.problems,
    findings,
    repairs: generated.repairs,
    context: fitted.report,
    createdWorkspace,
    approved,
  };
}

function summarizeFacts(facts: CodeFacts): NewSpecFromCodeResult["facts"] {
  return {
    modules: facts.modules.length,
    routes: facts.routes.length,
    tests: facts.tests.filter((test) => test.covers.length > 0).length,
    todos: facts.todos.length,
    unhandledErrors: facts.modules.filter((module) => module.unhandledErrors !== undefined).length,
  };
}

/** A folder asked for owns everything under it; a file, itself. */
function ownedGlob(facts: CodeFacts, path: string): string {
  if (path === "") return "**";
  return facts.modules.some((module) => module.path.startsWith(`${path}/`)) ? `${path}/**` : path;
}

function specExists(name: string, folder: string): EngineError {
  return new EngineError({
    code: "spec-exists",
    message: `A spec named "${name}" already exists (${folder}); it was left unchanged.`,
    fix: "Pick another name for the as-built spec, or remove the existing folder first.",
    path: folder,
  });
}
