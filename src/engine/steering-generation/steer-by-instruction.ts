import { basename, join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { z } from "zod";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { editTextFile } from "../../workspace/edit-file.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { listKiroFiles } from "../../workspace/list-kiro-files.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { EngineError } from "../errors/engine-error.js";
import { generateJsonObject } from "../llm/generate-json-object.js";
import type { ModelSession } from "../llm/model-session.js";
import { checkSteeringCandidate } from "./check-steering-candidate.js";

export const STEERING_INCLUSIONS = ["always", "fileMatch", "auto", "manual"] as const;

export const SteeringEditSchema = z.object({
  file: z.string().min(1).describe('The steering file name, kebab-case, ending in .md, e.g. "typescript.md".'),
  inclusion: z.enum(STEERING_INCLUSIONS),
  fileMatchPattern: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('With fileMatch: a glob or a list of globs, e.g. "**/*.ts" or ["**/*.ts", "**/*.tsx"].'),
  description: z.string().optional().describe("With auto: when the guide applies, one sentence."),
  body: z.string().min(1).describe("The file's markdown after the front matter."),
});

export type SteeringEdit = z.output<typeof SteeringEditSchema>;

export const STEER_SYSTEM = [
  "You maintain a repository's Kiro steering files (.kiro/steering/*.md): standing instructions for coding agents.",
  "Follow the user's instruction by editing one existing file or creating one new file. Choose the inclusion:",
  '- fileMatch with a glob for rules about a language or framework (TypeScript: "**/*.ts"; Python: "**/*.py"; a list for several);',
  "- auto with a one-sentence description for a topic guide that applies to some requests (testing, deployment);",
  "- always only for what must apply to every request (product, tech stack, structure);",
  "- manual for a guide only included when named.",
  "When you edit a file, keep everything the instruction does not change. Write concrete, checkable rules.",
  'Answer with JSON: {"file", "inclusion", "fileMatchPattern"?, "description"?, "body"} where body is the markdown after the front matter.',
].join("\n");

export interface SteeringProposal {
  readonly root: string;
  /** Relative to the root, e.g. `.kiro/steering/typescript.md`. */
  readonly file: string;
  readonly path: string;
  readonly created: boolean;
  /** The file as it was read (empty for a new one). */
  readonly before: string;
  readonly after: string;
  readonly diff: string;
  readonly findings: readonly CheckDiagnostic[];
  readonly edit: SteeringEdit;
}

/** The file as Kiro reads it: front matter from the inclusion, then the body. */
export function renderSteering(edit: SteeringEdit): string {
  const lines = ["---", `inclusion: ${edit.inclusion}`];
  if (edit.inclusion === "fileMatch") {
    const patterns = Array.isArray(edit.fileMatchPattern)
      ? edit.fileMatchPattern
      : (edit.fileMatchPattern ?? "**/*").split(/\s*,\s*/);
    // A comma-separated string silently matches nothing in Kiro; several patterns go as a list.
    lines.push(
      patterns.length === 1
        ? `fileMatchPattern: ${JSON.stringify(patterns[0])}`
        : `fileMatchPattern: [${patterns.map((pattern) => JSON.stringify(pattern)).join(", ")}]`,
    );
  }
  if (edit.inclusion === "auto") {
    lines.push(`name: ${edit.file.replace(/\.md$/, "")}`);
    lines.push(`description: ${JSON.stringify(edit.description ?? edit.file.replace(/\.md$/, ""))}`);
  }
  lines.push("---", "");
  return `${lines.join("\n")}\n${edit.body.trim()}\n`;
}

/**
 * Asks the model to follow a steering instruction: `add` creates a new file (refusing one that exists),
 * `update` edits an existing one (the one named, or the model's choice among those there). Returns the
 * proposal with its diff and findings; nothing is written until `applySteeringProposal`.
 */
export async function proposeSteeringEdit(options: {
  readonly root: string;
  readonly session: ModelSession;
  readonly action: "add" | "update";
  readonly instruction: string;
  readonly file?: string;
}): Promise<SteeringProposal> {
  const instruction = options.instruction.trim();
  if (instruction === "") {
    throw new EngineError({
      code: "empty-instruction",
      kind: "usage",
      message: "The instruction is empty: there is nothing to steer.",
      fix: 'Say what the agents should do, e.g. specwright steer add "follow TypeScript best practices, avoid any".',
    });
  }
  const directory = kiroPaths(options.root).steeringDirectory;
  const existing = (await listKiroFiles(options.root)).steering.map((path) => basename(path));
  const named = options.file === undefined ? undefined : normalizeName(options.file);
  if (options.action === "update" && named !== undefined && !existing.includes(named)) {
    throw new EngineError({
      code: "unknown-steering-file",
      kind: "usage",
      message: `There is no steering file ${named} to update.`,
      fix: `Create it with specwright steer add "<instruction>" --file ${named}.`,
      candidates: existing,
    });
  }
  const sections = [`Instruction (${options.action}): ${instruction}`];
  if (named !== undefined) sections.push(`Write the file ${named}.`);
  for (const name of existing) {
    const text = await readTextFile(join(directory, name));
    sections.push(`## Existing .kiro/steering/${name}\n\n${text}`);
  }
  if (existing.length === 0) sections.push("There are no steering files yet.");
  const edit = await generateJsonObject(
    options.session,
    {
      purpose: "steering",
      system: STEER_SYSTEM,
      messages: [{ role: "user", content: sections.join("\n\n") }],
    },
    SteeringEditSchema,
  );
  const fileName = named ?? normalizeName(edit.file);
  const exists = existing.includes(fileName);
  if (options.action === "add" && exists) {
    throw new EngineError({
      code: "steering-file-exists",
      kind: "usage",
      message: `The steering file ${fileName} exists already; add creates new files only.`,
      fix: `Run specwright steer update "${instruction}" --file ${fileName}.`,
    });
  }
  if (options.action === "update" && !exists) {
    throw new EngineError({
      code: "unknown-steering-file",
      message: `The model chose ${fileName}, which does not exist; update edits existing files only.`,
      fix: `Run specwright steer add "${instruction}" to create it, or name the file with --file.`,
      candidates: existing,
    });
  }
  const path = join(directory, fileName);
  const before = exists ? await readTextFile(path) : "";
  const after = renderSteering({ ...edit, file: fileName });
  const file = `.kiro/steering/${fileName}`;
  return {
    root: options.root,
    file,
    path,
    created: !exists,
    before,
    after,
    diff:
      before === after
        ? ""
        : createTwoFilesPatch(exists ? `a/${fileName}` : "/dev/null", `b/${fileName}`, before, after),
    findings: await checkSteeringCandidate(options.root, file, after),
    edit: { ...edit, file: fileName },
  };
}

/** Writes a reviewed proposal: a new file only if it still does not exist, an edit only if the file is unchanged. */
export async function applySteeringProposal(proposal: SteeringProposal): Promise<{ readonly changed: boolean }> {
  if (proposal.created) {
    await ensureDirectory(join(proposal.path, ".."));
    if ((await createFileExclusive(proposal.path, proposal.after)) !== "created") throw changedMeanwhile(proposal);
    return { changed: true };
  }
  if (!(await pathExists(proposal.path))) throw changedMeanwhile(proposal);
  const result = await editTextFile(proposal.path, (current) => {
    if (current !== proposal.before) throw changedMeanwhile(proposal);
    return proposal.after;
  });
  return { changed: result.changed };
}

function changedMeanwhile(proposal: SteeringProposal): EngineError {
  return new EngineError({
    code: "changed-meanwhile",
    message: `${proposal.file} changed on disk while the edit was being reviewed; it was left as it is now.`,
    fix: "Run the steer command again: it works on the files as they are now.",
    path: proposal.path,
  });
}

/** `TypeScript` → `typescript.md`; a path is cut to its name, so the file stays in .kiro/steering/. */
function normalizeName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? name;
  const stem = base
    .replace(/\.md$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${stem || "steering"}.md`;
}
