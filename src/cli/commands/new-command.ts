import { relative, resolve, sep } from "node:path";
import { EngineError } from "../../engine/errors/engine-error.js";
import { createNewSpec } from "../../engine/new-spec/new-spec.js";
import type { SpecType } from "../../model/settings/spec-config-schema.js";
import type { NewSpecWorkflow } from "../../model/templates/spec-templates.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_FINDINGS, EXIT_SUCCESS } from "../exit-codes.js";
import type { ModelOptions } from "../model-options.js";
import { detectTerminal, paint } from "../terminal.js";

export interface NewOptions extends CommonOptions, ModelOptions {
  readonly type?: SpecType;
  readonly workflow?: NewSpecWorkflow;
  readonly answers?: string;
  readonly yes?: boolean;
  readonly force?: boolean;
  /** false with `--no-questions`. */
  readonly questions?: boolean;
  /** `--quick`: design and tasks too, in one pass, and all three approved. */
  readonly quick?: boolean;
  /** `--from-code <paths…>`: an as-built spec of the code under these paths. */
  readonly fromCode?: readonly string[];
}

/** `new <name>` scaffolds templates offline; `new <name> "<prompt>"` writes the first document with a model. */
export async function newCommand(name: string, prompt: string | undefined, options: NewOptions): Promise<void> {
  if (options.fromCode !== undefined) {
    const { newFromCodeCommand } = await import("./new-from-code-command.js");
    await newFromCodeCommand(name, prompt, options.fromCode, options);
    return;
  }
  if (prompt !== undefined) {
    await newWithModelCommand(name, prompt, options);
    return;
  }
  await runCommand(options.json === true, async () => {
    const modelOnly = (["answers", "yes", "force", "model", "maxTokens", "maxCost", "quick"] as const).filter(
      (key) => options[key] !== undefined,
    );
    if (modelOnly.length > 0) {
      throw new EngineError({
        code: "option-needs-prompt",
        kind: "usage",
        message: `--${modelOnly.map((key) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)).join(", --")} applies only when a prompt is given (the model writes the spec).`,
        fix: `Add the prompt: specwright new ${name} "<what the feature is>", or drop the option for offline templates.`,
      });
    }
    const result = await createNewSpec({
      cwd: process.cwd(),
      ...(options.root ? { root: options.root } : {}),
      name,
      ...(options.type ? { type: options.type } : {}),
      ...(options.workflow ? { workflow: options.workflow } : {}),
    });
    const toRelative = (path: string) => relative(result.root, path).split(sep).join("/");
    if (options.json) {
      printJson({ ok: true, ...result, path: toRelative(result.path), files: result.files.map(toRelative) });
      return;
    }
    const terminal = detectTerminal();
    if (result.createdWorkspace) {
      process.stdout.write(
        `${paint(terminal, "yellow", "note:")} no .kiro/ folder was found, so one was created in ${result.root}.\n`,
      );
    }
    process.stdout.write(
      `${paint(terminal, "green", "created")} spec ${paint(terminal, "bold", result.spec)} (${result.type}, ${result.workflow}) in ${toRelative(result.path)}/\n`,
    );
    for (const file of result.files) process.stdout.write(`  ${toRelative(file)}\n`);
    const documents = result.files
      .map((file) => file.slice(file.lastIndexOf(sep) + 1))
      .filter((file) => file.endsWith(".md"));
    process.stdout.write("Next steps:\n");
    documents.forEach((document, index) => {
      const derived = result.workflow === "design-first" && document === "requirements.md";
      const how = derived ? "derive the acceptance criteria from the design" : "replace every <fill: …> placeholder";
      process.stdout.write(`  ${index + 1}. Fill in ${document}: ${how}.\n`);
    });
    process.stdout.write(
      `  ${documents.length + 1}. Run specwright check ${toRelative(result.path)} to list the placeholders left and other problems.\n`,
    );
    return undefined;
  });
}

async function newWithModelCommand(name: string, prompt: string, options: NewOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const { newSpecWithModel, validateNewSpecRequest } = await import("../../engine/authoring/new-spec-with-model.js");
    validateNewSpecRequest({ name, prompt, type: options.type, workflow: options.workflow });
    const { authoringRoot } = await import("../../engine/authoring/check-candidate-document.js");
    const { answersFromFile, parseAnswersFile, suggestedAnswers } = await import(
      "../../engine/authoring/answers-file.js"
    );
    const { readTextFile } = await import("../../workspace/read-text-file.js");
    const { openModelSession } = await import("../model-options.js");
    const { authoredJson, createAuthoringProgress, printAuthored, withUsageOnFailure } = await import(
      "../authoring-output.js"
    );
    const { askQuestionsOnTerminal, canAskOnTerminal } = await import("../ask-on-terminal.js");
    const cwd = process.cwd();
    const root = await authoringRoot({ cwd, ...(options.root ? { root: options.root } : {}) });
    // Read before any model call: a missing or malformed answers file costs nothing.
    const answers = options.answers
      ? parseAnswersFile(await readTextFile(resolve(cwd, options.answers)), options.answers)
      : undefined;
    // The model and its key first: that is what a new user has to set up before anything else matters.
    const session = await openModelSession(options, { root, command: "new" });
    const skipQuestions = options.questions === false;
    if (
      answers === undefined &&
      options.yes !== true &&
      !skipQuestions &&
      options.estimate !== true &&
      !canAskOnTerminal()
    ) {
      throw new EngineError({
        code: "questions-need-answers",
        kind: "usage",
        message: "The model's clarifying questions need answers, and there is no terminal to ask them on.",
        fix: "Pass --answers answers.yaml (question id: answer), --yes to take the suggested answers, or --no-questions to skip them.",
      });
    }
    const result = await withUsageOnFailure(session, () =>
      newSpecWithModel({
        cwd,
        root,
        session,
        name,
        prompt,
        ...(options.type ? { type: options.type } : {}),
        ...(options.workflow ? { workflow: options.workflow } : {}),
        ...(options.force ? { force: true } : {}),
        ...(skipQuestions ? { skipQuestions: true } : {}),
        ...(options.yes === true ? { questionsOptional: true } : {}),
        onEvent: createAuthoringProgress({ verbose: options.verbose === true }),
        answer: async (questions) => {
          if (answers !== undefined) {
            const path = options.answers ?? "";
            if (options.yes === true || !canAskOnTerminal()) {
              return answersFromFile(questions, answers, { useSuggested: options.yes === true, path });
            }
            // On a terminal, what the file leaves open is asked, not refused.
            const fromFile = answersFromFile(questions, answers, { useSuggested: true, path });
            const open = questions.filter((question) =>
              fromFile.some((answer) => answer.id === question.id && answer.source === "suggested"),
            );
            const asked = open.length === 0 ? [] : await askQuestionsOnTerminal(open);
            return fromFile.map((answer) => asked.find((typed) => typed.id === answer.id) ?? answer);
          }
          if (options.yes) return suggestedAnswers(questions);
          return askQuestionsOnTerminal(questions);
        },
      }),
    );
    const quick =
      options.quick === true && result.status === "written"
        ? await withUsageOnFailure(session, async () =>
            (await import("../../engine/authoring/quick-spec.js")).completeQuickSpec({
              cwd,
              root,
              session,
              spec: result.spec,
              onEvent: createAuthoringProgress({ verbose: options.verbose === true }),
            }),
          )
        : undefined;
    await session.flush();
    const usage = session.totals();
    const quickOk = quick === undefined || quick.documents.every((document) => document.status === "written");
    if (options.json) {
      printJson({
        ...authoredJson(result, usage),
        ...(quick !== undefined
          ? {
              ok: result.status === "written" && quickOk,
              quick: {
                documents: quick.documents.map((document) => authoredJson(document, usage)),
                approved: quick.approved,
              },
            }
          : {}),
        type: result.type,
        workflow: result.workflow,
        createdWorkspace: result.createdWorkspace,
        clarifications: result.clarifications,
      });
      return result.status === "written" && quickOk ? EXIT_SUCCESS : EXIT_FINDINGS;
    }
    const terminal = detectTerminal();
    if (result.createdWorkspace) {
      process.stdout.write(
        `${paint(terminal, "yellow", "note:")} no .kiro/ folder was found, so one was created in ${result.root}.\n`,
      );
    }
    for (const clarification of result.clarifications) {
      process.stdout.write(
        `  ${clarification.question} → ${clarification.answer}${clarification.source === "suggested" ? " (suggested)" : ""}\n`,
      );
    }
    if (quick !== undefined) {
      printAuthored(result, usage, undefined);
      for (const document of quick.documents) printAuthored(document, usage, undefined);
      process.stdout.write(
        quickOk
          ? `approved ${quick.approved.join(", ")}; next: specwright run ${name}\n`
          : `stopped at a draft; approved so far: ${quick.approved.join(", ") || "none"}\n`,
      );
      return quickOk ? EXIT_SUCCESS : EXIT_FINDINGS;
    }
    const next =
      result.workflow === "design-first"
        ? `review it, then specwright approve ${name} design && specwright requirements ${name}`
        : `review it, then specwright approve ${name} && specwright design ${name}`;
    return printAuthored(result, usage, next);
  });
}
