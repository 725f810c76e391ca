import type { SpecConfigDocument } from "../../model/settings/parse-spec-config.js";
import type { WorkspaceFileInput } from "../../rules/assemble-workspace-model.js";
import {
  type DataFileKind,
  type DataFileParsers,
  sharedDataFileKind,
  specDataFileKind,
} from "../../rules/data-file-parsers.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { relativeToRoot } from "./read-workspace-files.js";

type Importers = { readonly [Kind in DataFileKind]: () => Promise<DataFileParsers[Kind]> };

// One `import()` a kind: a workspace of markdown specs alone never loads zod, yaml or jsonc-parser.
const IMPORTERS: Importers = {
  "spec-config": async () => (await import("../../model/settings/parse-spec-config.js")).parseSpecConfig,
  "tasks-meta": async () => (await import("../../model/settings/parse-tasks-meta.js")).parseTasksMeta,
  steering: async () => (await import("../../model/steering/parse-steering.js")).parseSteering,
  "legacy-hook": async () => (await import("../../model/hooks/parse-legacy-hook.js")).parseLegacyHook,
  "hook-file": async () => (await import("../../model/hooks/parse-hook-file.js")).parseHookFile,
  "mcp-settings": async () => (await import("../../model/settings/parse-mcp-settings.js")).parseMcpSettings,
  "specwright-settings": async () =>
    (await import("../../model/settings/specwright-settings.js")).parseSpecwrightSettings,
};

/**
 * The parsers for the given kinds of data file, loaded before the (synchronous) model is built. A kind not
 * asked for gets a parser that throws: reaching it means the kinds were worked out from other files than
 * the ones parsed, a bug that must not pass as a missing document.
 */
export async function loadDataFileParsers(kinds: Iterable<DataFileKind>): Promise<DataFileParsers> {
  const wanted = new Set(kinds);
  const entries = await Promise.all(
    (Object.keys(IMPORTERS) as DataFileKind[]).map(async (kind) => [
      kind,
      wanted.has(kind) ? await IMPORTERS[kind]() : notLoaded(kind),
    ]),
  );
  return Object.fromEntries(entries) as DataFileParsers;
}

/** The kinds of data file among the shared paths (absolute, under `root`) and the spec folders' documents. */
export function dataFileKindsOf(
  root: string,
  sharedPaths: readonly string[],
  folders: readonly SpecFolder[],
): Set<DataFileKind> {
  const kinds = new Set<DataFileKind>();
  for (const path of sharedPaths) {
    const kind = sharedDataFileKind(relativeToRoot(root, path));
    if (kind) kinds.add(kind);
  }
  for (const folder of folders) {
    for (const document of folder.documents) {
      const kind = specDataFileKind(document);
      if (kind) kinds.add(kind);
    }
  }
  return kinds;
}

const SPEC_CONFIG = /^\.kiro\/specs\/[^/]+\/\.config\.kiro$/;

/**
 * The parsers for one part's files, its `.config.kiro` files read here by the plain reader: the schema's
 * parser (zod) is loaded only when one of them is not plain JSON of Kiro's string fields, so a workspace of
 * the configs Kiro writes never loads it. Each config is read once: the model takes the document read here.
 */
export async function withSpecConfigsOf(
  parsers: DataFileParsers,
  files: readonly WorkspaceFileInput[],
): Promise<DataFileParsers> {
  const texts = files.flatMap(({ path, text }) => (text !== undefined && SPEC_CONFIG.test(path) ? [text] : []));
  if (texts.length === 0) return parsers;
  // Imported on first use: the plain reader brings jsonc-parser, which a workspace without configs never needs.
  const { parsePlainSpecConfig } = await import("../../model/settings/spec-config-document.js");
  const plain = new Map<string, SpecConfigDocument>();
  let schemaNeeded = false;
  for (const text of texts) {
    const document = parsePlainSpecConfig(text);
    if (document) plain.set(text, document);
    else schemaNeeded = true;
  }
  const schema = schemaNeeded ? await IMPORTERS["spec-config"]() : notLoaded("spec-config");
  return {
    ...parsers,
    "spec-config": (text) => {
      const document = plain.get(text);
      // Taken once: two specs with the same text get documents of their own, as parsing gives them.
      if (document === undefined) return parsePlainSpecConfig(text) ?? schema(text);
      plain.delete(text);
      return document;
    },
  };
}

/** The kinds `checkSpecFolders` needs loaded for these folders: `.config.kiro` is read part by part instead. */
export function specPartKindsOf(root: string, folders: readonly SpecFolder[]): Set<DataFileKind> {
  const kinds = dataFileKindsOf(root, [], folders);
  kinds.delete("spec-config");
  return kinds;
}

function notLoaded(kind: DataFileKind): () => never {
  return () => {
    throw new Error(`The ${kind} parser was not loaded for this workspace's files.`);
  };
}
