import { basename } from "node:path";
import type {
  CommandFact,
  LanguageFact,
  PackageManagerFact,
  RepositoryFacts,
} from "../../model/templates/repository-facts.js";
import { type RepositorySnapshot, readRepositorySnapshot } from "../../workspace/read-repository-snapshot.js";
import { MANIFEST_FILES, type ManifestFacts, parseManifest } from "./repository-facts-manifests.js";
import {
  DEFAULT_COMMANDS,
  LANGUAGE_OF_EXTENSION,
  MANIFEST_TOOLS,
  PACKAGE_MANAGER_OF_FILE,
  RUN_SCRIPT_PREFIX,
} from "./repository-facts-vocabulary.js";

const MAX_LANGUAGES = 8;
const MAX_SCRIPTS = 30;
const MAX_FOLDERS = 40;

/** Reads the repository at `root` and says what it can about it: the facts `init` writes into steering. */
export async function gatherRepositoryFacts(root: string): Promise<RepositoryFacts> {
  return interpretRepositorySnapshot(await readRepositorySnapshot(root, { textFiles: MANIFEST_FILES }));
}

/** The facts a snapshot shows; pure, so tests feed it hand-made snapshots. */
export function interpretRepositorySnapshot(snapshot: RepositorySnapshot): RepositoryFacts {
  const manifests: { file: string; facts: ManifestFacts }[] = [];
  for (const file of MANIFEST_FILES) {
    const text = snapshot.texts.get(file);
    if (text !== undefined) manifests.push({ file, facts: parseManifest(file, text) });
  }
  const name = manifests.find((manifest) => manifest.facts.name !== undefined)?.facts.name ?? basename(snapshot.root);
  const description = manifests.find((manifest) => manifest.facts.description !== undefined)?.facts.description;
  const packageJson = manifests.find((manifest) => manifest.file === "package.json")?.facts;
  const packageManagers = findPackageManagers(snapshot.rootFiles, packageJson);
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    manifests: manifests.map((manifest) => manifest.file),
    languages: countLanguages(snapshot.extensionCounts),
    packageManagers,
    commands: findCommands(packageManagers, packageJson, snapshot.rootFiles),
    topLevelFolders: snapshot.topLevelFolders.slice(0, MAX_FOLDERS),
  };
}

function countLanguages(extensionCounts: ReadonlyMap<string, number>): LanguageFact[] {
  const counts = new Map<string, number>();
  for (const [extension, count] of extensionCounts) {
    const language = Object.hasOwn(LANGUAGE_OF_EXTENSION, extension) ? LANGUAGE_OF_EXTENSION[extension] : undefined;
    if (language !== undefined) counts.set(language, (counts.get(language) ?? 0) + count);
  }
  return [...counts]
    .map(([name, files]) => ({ name, files }))
    .sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_LANGUAGES);
}

const JAVASCRIPT_MANAGERS = new Set(["npm", "pnpm", "Yarn", "Bun", "Deno"]);

function findPackageManagers(
  rootFiles: readonly string[],
  packageJson: ManifestFacts | undefined,
): PackageManagerFact[] {
  const found: PackageManagerFact[] = [];
  const add = (name: string, evidence: string) => {
    if (!found.some((fact) => fact.name === name)) found.push({ name, evidence });
  };
  const declared = packageJson?.packageManager?.split("@")[0]?.toLowerCase();
  const declaredName = declared === "yarn" ? "Yarn" : declared === "bun" ? "Bun" : declared;
  if (declaredName !== undefined && declaredName !== "") add(declaredName, "package.json packageManager");
  for (const [file, name] of PACKAGE_MANAGER_OF_FILE) if (rootFiles.includes(file)) add(name, file);
  for (const [file, name] of MANIFEST_TOOLS) {
    if (!rootFiles.includes(file)) continue;
    if (file === "package.json" && found.some((fact) => JAVASCRIPT_MANAGERS.has(fact.name))) continue;
    add(name, file);
  }
  return found;
}

function findCommands(
  packageManagers: readonly PackageManagerFact[],
  packageJson: ManifestFacts | undefined,
  rootFiles: readonly string[],
): CommandFact[] {
  const commands: CommandFact[] = [];
  const runner = packageManagers.find((fact) => Object.hasOwn(RUN_SCRIPT_PREFIX, fact.name))?.name ?? "npm";
  const prefix = RUN_SCRIPT_PREFIX[runner] ?? "npm run";
  for (const [script, runs] of (packageJson?.scripts ?? []).slice(0, MAX_SCRIPTS)) {
    commands.push({ command: `${prefix} ${script}`, runs });
  }
  for (const fact of packageManagers) {
    const defaults = Object.hasOwn(DEFAULT_COMMANDS, fact.name) ? DEFAULT_COMMANDS[fact.name] : undefined;
    const manifest = fact.name === "Cargo" ? "Cargo.toml" : "go.mod";
    if (defaults && rootFiles.includes(manifest)) for (const command of defaults) commands.push({ command });
  }
  return commands;
}
