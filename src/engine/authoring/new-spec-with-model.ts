import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { SpecType } from "../../model/settings/spec-config-schema.js";
import { type NewSpecWorkflow, specConfigTemplate } from "../../model/templates/spec-templates.js";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { createDirectoryExclusive } from "../../workspace/create-directory-exclusive.js";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { isDirectory } from "../../workspace/is-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { EngineError } from "../errors/engine-error.js";
import { assertKiroFolderUsable, resolveStartingRoot } from "../init/init-target-root.js";
import { resolveNewSpecKind } from "../new-spec/new-spec-kind.js";
import { validateSpecName } from "../new-spec/new-spec-name.js";
import { askClarifyingQuestions } from "./ask-clarifying-questions.js";
import { type AuthoredDocument, saveGeneratedDocument } from "./authored-document.js";
import { type AuthoringOptions, authoringContextChars } from "./authoring-options.js";
import { insertClarifications, renderClarifications } from "./clarifications-section.js";
import type { Clarification, ClarifyingQuestion } from "./clarifying-question.js";
import { defaultContextSources } from "./default-context-sources.js";
import { designShapeFindings } from "./design-shape.js";
import { type ContextSection, fitContext } from "./fit-context.js";
import { generateDocument } from "./generate-document.js";
import { loadPhasePrompt } from "./phase-prompt.js";
import type { SpecDocumentKind } from "./spec-document-kind.js";

export interface NewSpecWithModelOptions extends AuthoringOptions {
  readonly name: string;
  /** The feature request (or bug report) in the user's words. */
  readonly prompt: string;
  readonly type?: SpecType;
  readonly workflow?: NewSpecWorkflow;
  /** Replace the first document of an existing spec (its other files are kept). */
  readonly force?: boolean;
  readonly specId?: string;
  /**
   * Answers the clarifying questions (the terminal, an answers file, or the suggested values). Called only
   * when the model asks some; whatever it throws ends the command before any file is written.
   */
  readonly answer: (questions: readonly ClarifyingQuestion[]) => Promise<readonly Clarification[]>;
  /** `--no-questions`: write the document from the request alone, without the questions call. */
  readonly skipQuestions?: boolean;
  /**
   * Unattended (`--yes`): a model that cannot produce the questions' JSON, even after its repair, does not
   * block the spec; the document is written without questions and a warning says so.
   */
  readonly questionsOptional?: boolean;
}

export interface NewSpecWithModelResult extends AuthoredDocument {
  readonly type: SpecType;
  readonly workflow: NewSpecWorkflow;
  readonly questions: readonly ClarifyingQuestion[];
  readonly clarifications: readonly Clarification[];
  /** True when no `.kiro/` existed, so one was created in the root. */
  readonly createdWorkspace: boolean;
}

/**
 * `specwright new <name> "<prompt>"`: clarifying questions, their answers, then the spec's first document
 * (requirements.md, bugfix.md, or design.md for design-first) with the answers recorded in it, checked and
 * repaired. The spec folder appears with `.config.kiro` and the document (or only its draft) at once.
 */
export async function newSpecWithModel(options: NewSpecWithModelOptions): Promise<NewSpecWithModelResult> {
  const { request, type, workflow } = validateNewSpecRequest(options);
  const cwd = options.cwd ?? process.cwd();
  const root = await resolveStartingRoot({ cwd, ...(options.root === undefined ? {} : { root: options.root }) });
  await assertKiroFolderUsable(root);
  const createdWorkspace = !(await isDirectory(kiroPaths(root).kiroDirectory));
  const folder = join(kiroPaths(root).specsDirectory, options.name);
  const folderExists = await isDirectory(folder);
  if (folderExists && options.force !== true) throw specExists(options.name, folder);

  const maxChars = authoringContextChars(options);
  const sources = options.sources ?? defaultContextSources();
  const steering = await sources.steering({ root, prompt: request, filesInPlay: [], maxChars });
  const requestSection: ContextSection = {
    source: "prompt",
    title: type === "bugfix" ? "Bug report" : "Feature request",
    text: request,
    reason: "the request",
    required: true,
  };
  const steeringSections = steering.sections.map((section) => ({ ...section, required: false }));
  const questions: ClarifyingQuestion[] = [];
  if (options.skipQuestions === true) {
    options.onEvent?.({ type: "questions-skipped", reason: "not asked for" });
  } else {
    const questionContext = fitContext([requestSection, ...steeringSections], maxChars, steering.excluded);
    options.onEvent?.({ type: "context", report: questionContext.report });
    try {
      questions.push(
        ...(await askClarifyingQuestions({
          session: options.session,
          system: (await loadPhasePrompt(root, "questions")).text,
          context: `Spec "${options.name}" (${type}).\n\n${questionContext.text}`,
        })),
      );
      options.onEvent?.({ type: "questions", questions });
    } catch (error) {
      if (
        options.questionsOptional !== true ||
        !(error instanceof EngineError) ||
        error.code !== "invalid-model-json"
      ) {
        throw error;
      }
      options.onEvent?.({ type: "questions-skipped", reason: "failed", message: error.message });
    }
  }
  const clarifications = questions.length > 0 ? await options.answer(questions) : [];
  options.onEvent?.({ type: "answers", clarifications });

  const document: SpecDocumentKind =
    workflow === "design-first" ? "design" : type === "bugfix" ? "bugfix" : "requirements";
  const sections: ContextSection[] = [requestSection];
  if (clarifications.length > 0) {
    sections.push({
      source: "clarifications",
      title: "Clarifications (answered; the document follows them)",
      text: renderClarifications(clarifications),
      reason: "answers to the clarifying questions",
      required: true,
    });
  }
  sections.push(...steeringSections);
  const inventory = document === "design" ? await sources.inventory({ root, maxChars }) : undefined;
  for (const section of inventory?.sections ?? []) sections.push({ ...section, required: false });
  const fitted = fitContext(sections, maxChars, [...steering.excluded, ...(inventory?.excluded ?? [])]);
  options.onEvent?.({ type: "context", report: fitted.report });
  const generated = await generateDocument({
    session: options.session,
    root,
    spec: options.name,
    document,
    purpose: document,
    system: (await loadPhasePrompt(root, document)).text,
    context: `Write ${document}.md for the new spec "${options.name}".\n\n${fitted.text}`,
    repairRounds: options.repairRounds,
    finish: (text) => insertClarifications(text, clarifications),
    ...(document === "design"
      ? { extraFindings: (text: string, file: string) => designShapeFindings(text, file, { requireValidates: false }) }
      : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });

  const config = specConfigTemplate({
    specId: options.specId ?? randomUUID(),
    type,
    workflow,
    origin: {
      prompt: request,
      answers: clarifications.map(({ id, question, answer }) => ({ id, question, answer })),
    },
  });
  // A new spec folder appears whole (config and document, or config and draft); an existing one (--force)
  // keeps its other files and its .config.kiro.
  const place = async (path: string, content: string) => {
    const name = path.slice(folder.length + 1);
    if (folderExists) {
      await createFileExclusive(join(folder, ".config.kiro"), config);
      await writeFileAtomic(path, content);
      return;
    }
    await ensureDirectory(kiroPaths(root).specsDirectory);
    const outcome = await createDirectoryExclusive(
      folder,
      [
        { name, content },
        { name: ".config.kiro", content: config },
      ],
      { stagingDirectory: kiroPaths(root).kiroDirectory },
    );
    if (outcome === "exists") throw specExists(options.name, folder);
  };
  const saved = await saveGeneratedDocument({
    root,
    spec: options.name,
    folder,
    document,
    generated,
    context: fitted.report,
    write: place,
    writeDraft: place,
  });
  return { ...saved, type, workflow, questions, clarifications, createdWorkspace };
}

/**
 * The checks of a `new` request that need neither the disk nor the model (name, prompt, type and workflow),
 * so a surface can refuse a bad request before it asks anything.
 */
export function validateNewSpecRequest(options: {
  readonly name: string;
  readonly prompt: string;
  readonly type?: SpecType | undefined;
  readonly workflow?: NewSpecWorkflow | undefined;
}): { readonly request: string; readonly type: SpecType; readonly workflow: NewSpecWorkflow } {
  validateSpecName(options.name);
  const request = options.prompt.trim();
  if (request === "") {
    throw new EngineError({
      code: "empty-prompt",
      kind: "usage",
      message: "The prompt is empty: the model needs a description of the feature.",
      fix: `Describe it, e.g. specwright new ${options.name} "rate limiting for our Express API: 100 requests per minute per user"; or leave the prompt out for offline templates.`,
    });
  }
  return { request, ...resolveNewSpecKind(options) };
}

function specExists(name: string, folder: string): EngineError {
  return new EngineError({
    code: "spec-exists",
    message: `A spec named "${name}" already exists (${folder}); it was left unchanged.`,
    fix: `Pick another name, refine the existing spec (specwright refine ${name} requirements "<instruction>"), or pass --force to write its first document anew.`,
    path: folder,
  });
}
