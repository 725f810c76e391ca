import type { InstalledDependency, LockfileReading } from "./installed-dependency.js";
import type { ExportedName, ModuleExports } from "./module-exports.js";
import type { RepositoryInventory } from "./repository-inventory.js";

export const INSTALLED_DEPENDENCIES_HEADING = "## Installed dependencies (use these versions)";
export const EXISTING_MODULES_HEADING = "## Existing modules and exports (reuse before adding)";

export interface RenderedText {
  readonly text: string;
  /** True when the text was cut to fit `maxChars`; the text then ends with a note saying what was left out. */
  readonly cut: boolean;
}

export interface RenderInventoryOptions {
  /** The most characters of the result, note included. */
  readonly maxChars: number;
}

/**
 * The inventory as Markdown for a model: installed dependencies (direct ones by name and version,
 * transitive ones counted: a model needs to know they exist, not each name), the test command, then the modules and their exports grouped by folder.
 * Notes on what the inventory left out come first. When the text would pass `maxChars`, whole lines are
 * dropped from the end and a note says how many.
 */
export function renderInventory(inventory: RepositoryInventory, options: RenderInventoryOptions): RenderedText {
  // Notes say the inventory is incomplete; they go first so that a cut never drops them.
  const notes = inventory.notes.map((note) => `_Note: ${note}_`);
  const lines: string[] = [...notes, ...(notes.length > 0 ? [""] : []), INSTALLED_DEPENDENCIES_HEADING, ""];
  if (inventory.lockfiles.length === 0) lines.push("No lockfile found: no installed versions are known.");
  for (const lockfile of inventory.lockfiles) lines.push(...lockfileLines(lockfile));
  if (inventory.testCommand !== undefined) {
    lines.push("", `Test command: \`${inventory.testCommand.command}\`, from ${inventory.testCommand.source}.`);
  }
  lines.push("", EXISTING_MODULES_HEADING, "");
  if (inventory.modules.length === 0) lines.push("No source files with exports found.");
  lines.push(...moduleLines(inventory.modules));
  return fitLines(lines, options.maxChars, "lines");
}

function lockfileLines(lockfile: LockfileReading): string[] {
  const { dependencies } = lockfile;
  const lines = [`\`${lockfile.file}\` (${lockfile.manager}), ${count(dependencies.length, "package")}:`];
  const direct = dependencies.filter((dependency) => dependency.direct === true);
  const unknown = dependencies.filter((dependency) => dependency.direct === undefined);
  const transitive = dependencies.filter((dependency) => dependency.direct === false);
  const runtime = direct.filter((dependency) => dependency.dev !== true);
  const development = direct.filter((dependency) => dependency.dev === true);
  if (runtime.length > 0) lines.push(`- Direct: ${listed(runtime)}`);
  if (development.length > 0) lines.push(`- Direct, development: ${listed(development)}`);
  if (unknown.length > 0) lines.push(`- Pinned: ${listed(unknown)}`);
  if (transitive.length > 0) {
    lines.push(`- Transitive: ${count(transitive.length, "more package")}, installed as dependencies of the above.`);
  }
  return lines;
}

function listed(dependencies: readonly InstalledDependency[]): string {
  return [...dependencies]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((dependency) => `${dependency.name} ${dependency.version}`)
    .join(", ");
}

/** Modules grouped under their folder, so a long path is written once. */
function moduleLines(modules: readonly ModuleExports[]): string[] {
  const lines: string[] = [];
  let folder: string | undefined;
  for (const module of [...modules].sort(byFolderThenName)) {
    const slash = module.path.lastIndexOf("/");
    const moduleFolder = slash < 0 ? "" : module.path.slice(0, slash + 1);
    if (moduleFolder !== folder) {
      folder = moduleFolder;
      lines.push(`- \`${moduleFolder === "" ? "./" : moduleFolder}\``);
    }
    const names = module.exports.map(describeExport);
    if (module.reExportsFrom.length > 0) names.push(`everything from ${module.reExportsFrom.join(", ")}`);
    if (module.cut) names.push("…");
    lines.push(`  - ${module.path.slice(slash + 1)}: ${names.join(", ")}`);
  }
  return lines;
}

function byFolderThenName(a: ModuleExports, b: ModuleExports): number {
  const folderOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);
  const folderA = folderOf(a.path);
  const folderB = folderOf(b.path);
  if (folderA !== folderB) return folderA < folderB ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** `updateTask()`, `class EngineError`, `interface Options`, `type Kind`, plain names otherwise. */
export function describeExport(exported: ExportedName): string {
  switch (exported.kind) {
    case "function":
      return `${exported.name}()`;
    case "class":
    case "interface":
    case "type":
    case "enum":
    case "trait":
    case "struct":
      return `${exported.kind} ${exported.name}`;
    case "default":
      return exported.name === "default" ? "default export" : `default ${exported.name}`;
    default:
      return exported.name;
  }
}

/**
 * Joins lines, dropping whole lines from the end when the text would pass `maxChars`; the note that says so
 * counts toward the limit. A limit too small for even the note gives the note cut to the limit.
 */
export function fitLines(lines: readonly string[], maxChars: number, unit: string): RenderedText {
  const limit = Math.max(0, Math.floor(maxChars));
  const full = lines.join("\n");
  if (full.length <= limit) return { text: full, cut: false };
  let kept = 0;
  let length = 0;
  for (;;) {
    const line = lines[kept];
    if (line === undefined) break;
    const note = cutNote(lines.length - kept - 1, unit, limit);
    const added = (kept === 0 ? 0 : 1) + line.length;
    if (length + added + 1 + note.length > limit) break;
    length += added;
    kept++;
  }
  const note = cutNote(lines.length - kept, unit, limit);
  const text = kept === 0 ? note : `${lines.slice(0, kept).join("\n")}\n${note}`;
  return { text: text.slice(0, limit), cut: true };
}

function cutNote(left: number, unit: string, limit: number): string {
  return `_… cut: ${left} more ${unit} left out to stay within ${limit} characters._`;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? "" : "s"}`;
}
