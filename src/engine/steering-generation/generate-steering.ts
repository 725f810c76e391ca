import { join } from "node:path";
import type { ModelMessage } from "ai";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { answerProblem, repairMessage } from "../authoring/repair-message.js";
import { loadModelSettings } from "../llm/load-model-settings.js";
import type { ModelSession } from "../llm/model-session.js";
import { checkSteeringCandidate } from "./check-steering-candidate.js";
import { finishSteeringDocument } from "./finish-steering-document.js";
import { analyzeRepository, type RepositoryAnalysis, type RepositoryAnalysisLimits } from "./repository-analysis.js";
import { STEERING_DOCUMENT_NAMES, STEERING_DOCUMENTS, type SteeringDocumentName } from "./steering-documents.js";
import { type ExistingSteering, steeringSystemPrompt, steeringUserMessage } from "./steering-prompts.js";

/** Repair rounds when the settings name none: steering has few rules, and one round fixes what they find. */
const DEFAULT_STEERING_REPAIR_ROUNDS = 1;

export const STEERING_DRAFT_SUFFIX = ".draft";

export interface GenerateSteeringOptions {
  /** The workspace root: `.kiro/steering/` is created in it when missing. */
  readonly root: string;
  /** Opens the model session; called only when a file is to be written, so skipping all needs no model. */
  readonly openSession: () => Promise<ModelSession>;
  /** Replace steering files that exist; without it they are skipped and the model is not asked for them. */
  readonly force?: boolean;
  /** Which documents; default all three. */
  readonly documents?: readonly SteeringDocumentName[];
  /** Default: settings `limits.repairRounds`, else 1. */
  readonly repairRounds?: number;
  readonly limits?: RepositoryAnalysisLimits;
  readonly onEvent?: (event: SteeringGenerationEvent) => void;
}

export type SteeringGenerationEvent =
  | { readonly type: "analyzed"; readonly files: number; readonly cuts: readonly string[] }
  | { readonly type: "skipped"; readonly file: string }
  | { readonly type: "generate"; readonly file: string; readonly round: number }
  | { readonly type: "saved"; readonly file: string; readonly status: "written" | "draft" };

export interface SteeringFileOutcome {
  readonly document: SteeringDocumentName;
  /** `.kiro/steering/product.md`, relative to the root. */
  readonly file: string;
  /**
   * `written`: in place. `skipped`: it exists and `force` was not given. `draft`: the answer still had
   * findings and only `<file>.draft` was written. `kept`: the file appeared while the model was writing,
   * and was left alone. `failed`: no answer was a document; nothing was written.
   */
  readonly status: "written" | "skipped" | "draft" | "kept" | "failed";
  /** Where the content went (the draft for a draft), relative to the root; absent when skipped or kept. */
  readonly savedTo?: string;
  readonly problems: readonly CheckDiagnostic[];
  readonly repairs: number;
}

export interface SteeringGenerationResult {
  readonly root: string;
  readonly files: readonly SteeringFileOutcome[];
  /** Absent when every file was skipped (nothing was analysed). */
  readonly analysis?: {
    readonly filesSeen: number;
    readonly lockfiles: readonly string[];
    readonly modules: number;
    readonly cuts: readonly string[];
  };
}

/**
 * Writes `.kiro/steering/product.md`, `tech.md` and `structure.md` from an analysis of the repository
 * (facts, inventory, map, README, manifests), one model call per file plus repair rounds. Each answer gets
 * Kiro's `inclusion: always` front matter and is checked with `specwright check`'s rules; one that still
 * fails goes only to `<file>.draft`. An existing file is never replaced without `force`, and a file that
 * appears meanwhile is never replaced either. Writes are atomic.
 */
export async function generateSteering(options: GenerateSteeringOptions): Promise<SteeringGenerationResult> {
  const { root } = options;
  const steeringDirectory = kiroPaths(root).steeringDirectory;
  const documents = options.documents ?? STEERING_DOCUMENT_NAMES;
  const outcomes = new Map<SteeringDocumentName, SteeringFileOutcome>();
  const wanted: SteeringDocumentName[] = [];
  for (const document of documents) {
    const file = steeringFile(document);
    if (!options.force && (await pathExists(join(steeringDirectory, STEERING_DOCUMENTS[document].fileName)))) {
      outcomes.set(document, { document, file, status: "skipped", problems: [], repairs: 0 });
      options.onEvent?.({ type: "skipped", file });
    } else {
      wanted.push(document);
    }
  }
  if (wanted.length === 0) return { root, files: ordered(documents, outcomes) };

  const notWanted = STEERING_DOCUMENT_NAMES.filter((name) => !wanted.includes(name));
  const staying = await readStayingSteering(root, notWanted);
  const session = await options.openSession();
  const analysis = await analyzeRepository(root, options.limits);
  options.onEvent?.({ type: "analyzed", files: analysis.inventory.filesSeen, cuts: analysis.cuts });
  const repairRounds =
    options.repairRounds ?? (await loadModelSettings(root)).limits?.repairRounds ?? DEFAULT_STEERING_REPAIR_ROUNDS;
  await ensureDirectory(steeringDirectory);
  for (const document of wanted) {
    const outcome = await generateOne(document, analysis, { ...options, session, repairRounds, staying });
    outcomes.set(document, outcome);
  }
  return {
    root,
    files: ordered(documents, outcomes),
    analysis: {
      filesSeen: analysis.inventory.filesSeen,
      lockfiles: analysis.inventory.lockfiles.map((lockfile) => lockfile.file),
      modules: analysis.inventory.modules.length,
      cuts: analysis.cuts,
    },
  };
}

async function generateOne(
  document: SteeringDocumentName,
  analysis: RepositoryAnalysis,
  options: GenerateSteeringOptions & {
    readonly session: ModelSession;
    readonly repairRounds: number;
    readonly staying: readonly ExistingSteering[];
  },
): Promise<SteeringFileOutcome> {
  const kind = STEERING_DOCUMENTS[document];
  const file = steeringFile(document);
  const system = await steeringSystemPrompt(options.root, kind);
  const messages: ModelMessage[] = [{ role: "user", content: steeringUserMessage(kind, analysis, options.staying) }];
  let content: string | undefined;
  let problems: CheckDiagnostic[] = [];
  let round = 0;
  for (; round <= options.repairRounds; round++) {
    options.onEvent?.({ type: "generate", file, round });
    const result = await options.session.generate({
      purpose: round === 0 ? `steering ${kind.fileName}` : `repair steering ${kind.fileName}`,
      system,
      messages,
    });
    const finished = finishSteeringDocument(result.text);
    let feedback: string;
    if (finished === undefined) {
      problems = [
        answerProblem(file, "not-a-document", `The answer is not a Markdown document titled "# ${kind.title}".`),
      ];
      feedback = `Your answer is not the document. Answer with the Markdown document only, starting with \`# ${kind.title}\`.`;
    } else {
      content = finished;
      problems = (await checkSteeringCandidate(options.root, file, finished)).filter(
        (finding) => finding.severity !== "info",
      );
      if (result.finishReason === "length") {
        problems.unshift(answerProblem(file, "cut-off", "The answer stopped at the output limit."));
        feedback = "Your answer stopped at the output limit. Write the whole document again, shorter.";
      } else {
        feedback = repairMessage(problems, file);
      }
      if (problems.length === 0) break;
    }
    messages.push({ role: "assistant", content: result.text }, { role: "user", content: feedback });
  }
  const repairs = Math.min(round, options.repairRounds);
  if (content === undefined) return { document, file, status: "failed", problems, repairs };
  const path = join(options.root, ...file.split("/"));
  if (problems.length > 0) {
    await writeFileAtomic(`${path}${STEERING_DRAFT_SUFFIX}`, content);
    options.onEvent?.({ type: "saved", file, status: "draft" });
    return { document, file, status: "draft", savedTo: `${file}${STEERING_DRAFT_SUFFIX}`, problems, repairs };
  }
  if (options.force) {
    await writeFileAtomic(path, content);
  } else if ((await createFileExclusive(path, content)) === "exists") {
    return { document, file, status: "kept", problems: [], repairs };
  }
  options.onEvent?.({ type: "saved", file, status: "written" });
  return { document, file, status: "written", savedTo: file, problems: [], repairs };
}

/** Characters of an existing steering file shown to the model; steering files are short, this is a guard. */
const MAX_EXISTING_STEERING_CHARS = 6_000;

/** The steering files among `documents` that exist and are not regenerated, for consistency. */
async function readStayingSteering(
  root: string,
  documents: readonly SteeringDocumentName[],
): Promise<ExistingSteering[]> {
  const staying: ExistingSteering[] = [];
  for (const document of documents) {
    const file = steeringFile(document);
    try {
      const text = await readTextFile(join(root, ...file.split("/")), { maxBytes: 1024 * 1024 });
      staying.push({ file, text: text.slice(0, MAX_EXISTING_STEERING_CHARS) });
    } catch {
      // Missing or unreadable: nothing to agree with.
    }
  }
  return staying;
}

function steeringFile(document: SteeringDocumentName): string {
  return `.kiro/steering/${STEERING_DOCUMENTS[document].fileName}`;
}

function ordered(
  documents: readonly SteeringDocumentName[],
  outcomes: ReadonlyMap<SteeringDocumentName, SteeringFileOutcome>,
): SteeringFileOutcome[] {
  return documents.flatMap((document) => {
    const outcome = outcomes.get(document);
    return outcome === undefined ? [] : [outcome];
  });
}
