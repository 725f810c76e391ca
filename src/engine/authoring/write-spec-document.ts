import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { specConfigTemplate } from "../../model/templates/spec-templates.js";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { pathExists } from "../../workspace/path-exists.js";
import { EngineError } from "../errors/engine-error.js";
import {
  authoringRoot,
  type CandidateCheck,
  type CandidateDocumentOptions,
  checkCandidateDocument,
} from "./check-candidate-document.js";
import { specDocumentFileName } from "./spec-document-kind.js";

export interface WriteSpecDocumentOptions extends CandidateDocumentOptions {
  /** Replace the document when it exists (default: an existing document, template or not, is refused, never touched). */
  readonly force?: boolean;
}

export interface WrittenSpecDocument {
  readonly root: string;
  /** The written file (absolute). */
  readonly path: string;
  /** The same, relative to the root with `/`. */
  readonly file: string;
  readonly replaced: boolean;
  /** True when the spec had no `.config.kiro` and one was written beside the document. */
  readonly createdConfig: boolean;
  readonly check: CandidateCheck;
}

/**
 * Writes one spec document after checking it: content with errors in that document is refused (nothing
 * written), warnings are returned. The write is atomic, so readers see the old file or the new one. A spec
 * folder that does not exist yet is created with a `.config.kiro` in Kiro's format.
 */
export async function writeSpecDocument(options: WriteSpecDocumentOptions): Promise<WrittenSpecDocument> {
  const root = await authoringRoot(options);
  const check = await checkCandidateDocument({ ...options, root });
  const errors = check.findings.filter((finding) => finding.severity === "error" && finding.file === check.file);
  if (errors.length > 0) {
    const first = errors[0];
    throw new EngineError({
      code: "document-has-errors",
      message: `${check.file} was not written: it has ${errors.length} error${errors.length === 1 ? "" : "s"}${first ? `, first at line ${first.location.line}: ${first.message}` : ""}.`,
      fix: first?.fix ?? "Fix the errors `specwright check` reports and write it again.",
      path: join(root, check.file),
    });
  }
  const folder = join(kiroPaths(root).specsDirectory, options.spec);
  const path = join(folder, specDocumentFileName(options.document));
  const replaced = await pathExists(path);
  if (replaced && options.force !== true) {
    throw new EngineError({
      code: "document-exists",
      message: `${check.file} already exists; it was left unchanged.`,
      fix: "Refine it instead (specwright refine), or pass force to replace it.",
      path,
    });
  }
  await ensureDirectory(folder);
  const configPath = join(folder, ".config.kiro");
  let createdConfig = false;
  if (!(await pathExists(configPath))) {
    const config = specConfigTemplate({
      specId: randomUUID(),
      type: options.document === "bugfix" ? "bugfix" : "feature",
      workflow: options.document === "design" ? "design-first" : "requirements-first",
    });
    createdConfig = (await createFileExclusive(configPath, config)) === "created";
  }
  await writeFileAtomic(path, options.content);
  return { root, path, file: check.file, replaced, createdConfig, check };
}

/** A template from `specwright new` that still has its `<fill: …>` placeholders. */
export function isUnfilledTemplate(text: string): boolean {
  return text.includes("<fill:");
}
