import { join, resolve } from "node:path";
import { ALL_RULES } from "../../rules/all-rules.js";
import { buildWorkspaceModel, type WorkspaceFileInput } from "../../rules/build-workspace-model.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { runRules } from "../../rules/run-rules.js";
import { locateKiroRoot } from "../../workspace/find-kiro-root.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { pathExists } from "../../workspace/path-exists.js";
import { KNOWN_SPEC_DOCUMENTS } from "../../workspace/spec-folders.js";
import { validateSpecName } from "../new-spec/new-spec-name.js";
import { readWorkspaceFiles } from "../workspace-model/read-workspace-files.js";
import { type SpecDocumentKind, specDocumentFileName } from "./spec-document-kind.js";

export interface CandidateDocumentOptions {
  /** The workspace root (the folder holding `.kiro/`); default: the nearest one at or above `cwd`, else `cwd`. */
  readonly root?: string;
  /** Where relative roots resolve from; default `process.cwd()`. */
  readonly cwd?: string;
  readonly spec: string;
  readonly document: SpecDocumentKind;
  /** The candidate text of the document, not yet on disk. */
  readonly content: string;
}

export interface CandidateCheck {
  /** Every finding of the spec (all its documents, the candidate in place of the file on disk). */
  readonly findings: readonly CheckDiagnostic[];
  readonly errors: number;
  readonly warnings: number;
  /** The candidate's path relative to the root, as findings name it. */
  readonly file: string;
}

/**
 * Checks a document before it is written: the candidate is parsed together with the spec's other documents
 * as they are on disk now and the same rules as `specwright check` run over them (settings and disable
 * comments included). Only findings of that spec are kept; the disk is not touched.
 */
export async function checkCandidateDocument(options: CandidateDocumentOptions): Promise<CandidateCheck> {
  validateSpecName(options.spec);
  return checkSpecWith(await authoringRoot(options), options.spec, options.document, options.content);
}

/**
 * The findings of a spec with `document` replaced by `content`, or left out when `content` is undefined
 * (the spec as it is without that document: the baseline a new document is compared with).
 */
export async function checkSpecWith(
  root: string,
  spec: string,
  document: SpecDocumentKind,
  content: string | undefined,
): Promise<CandidateCheck> {
  const folder = join(kiroPaths(root).specsDirectory, spec);
  const specPath = `.kiro/specs/${spec}`;
  const candidateName = specDocumentFileName(document);
  const otherPaths: string[] = [];
  for (const name of KNOWN_SPEC_DOCUMENTS) {
    if (name === candidateName || name === "tasks.meta.json") continue;
    const path = join(folder, name);
    if (await pathExists(path)) otherPaths.push(path);
  }
  const settingsPath = join(kiroPaths(root).settingsDirectory, "specwright.json");
  const readOthers = readWorkspaceFiles(root, otherPaths);
  const readSettings = (await pathExists(settingsPath)) ? readWorkspaceFiles(root, [settingsPath]) : undefined;
  const file = `${specPath}/${candidateName}`;
  const files: WorkspaceFileInput[] = [
    { path: `${specPath}/` },
    ...readOthers.files,
    ...(content === undefined ? [] : [{ path: file, text: content }]),
  ];
  const model = buildWorkspaceModel({ files, unreadable: readOthers.unreadable });
  const settingsModel = readSettings ? buildWorkspaceModel({ files: readSettings.files }) : undefined;
  const findings = runRules(model, ALL_RULES, {
    ...(settingsModel?.specwrightSettings ? { settings: settingsModel.specwrightSettings } : {}),
  }).filter((finding) => finding.file === specPath || finding.file.startsWith(`${specPath}/`));
  return {
    findings,
    errors: findings.filter((finding) => finding.severity === "error").length,
    warnings: findings.filter((finding) => finding.severity === "warning").length,
    file,
  };
}

/** The root a document belongs to; a spec may be authored before `.kiro/` exists, so nothing is required. */
export async function authoringRoot(options: { readonly root?: string; readonly cwd?: string }): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  if (options.root !== undefined) return resolve(cwd, options.root);
  return (await locateKiroRoot(cwd)) ?? resolve(cwd);
}
