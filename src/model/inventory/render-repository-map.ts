import type { ExportedName } from "./module-exports.js";
import { describeExport, fitLines, type RenderedText } from "./render-inventory.js";

export interface MapFile {
  /** Relative to the root, `/`-separated. */
  readonly path: string;
  readonly bytes: number;
  readonly exports?: readonly ExportedName[];
}

/** Exports shown per file in the map; the inventory lists them in full. */
const MAX_EXPORTS_IN_MAP = 6;

interface FolderNode {
  readonly name: string;
  readonly depth: number;
  readonly parent: FolderNode | undefined;
  readonly folders: FolderNode[];
  readonly files: MapFile[];
  fileCount: number;
}

/**
 * A compact tree of the repository's files for a task agent: one line per file with its size and first
 * exports. When the whole tree does not fit `maxChars`, folders start folded into one line each
 * (`name/ (N files)`) and are opened breadth-first, top folders first, while the text still fits; the
 * exports of shown files are then added in path order while they fit. Only a root too large to show even
 * folded is cut, with a note.
 */
export function renderRepositoryMap(files: readonly MapFile[], options: { readonly maxChars: number }): RenderedText {
  const root = buildTree(files);
  const everything = new Set(allFolders(root));
  const full = renderFolder(root, { open: everything, withExports: () => true }).join("\n");
  if (full.length <= options.maxChars) return { text: full, cut: false };

  const open = new Set<FolderNode>([root]);
  let length = renderFolder(root, { open, withExports: () => false }).join("\n").length;
  if (length > options.maxChars) {
    return fitLines(renderFolder(root, { open, withExports: () => false }), options.maxChars, "lines");
  }
  for (const folder of allFolders(root)) {
    // Opening a folder whose parent stays folded would show nothing.
    if (open.has(folder) || folder.parent === undefined || !open.has(folder.parent)) continue;
    const growth = openingGrowth(folder);
    if (length + growth > options.maxChars) continue;
    open.add(folder);
    length += growth;
  }
  const withExports = new Set<MapFile>();
  for (const folder of allFolders(root)) {
    if (!open.has(folder)) continue;
    for (const file of folder.files) {
      const growth = exportSummary(file.exports ?? []).length;
      if (growth === 0 || length + growth > options.maxChars) continue;
      withExports.add(file);
      length += growth;
    }
  }
  return { text: renderFolder(root, { open, withExports: (file) => withExports.has(file) }).join("\n"), cut: false };
}

interface RenderChoice {
  readonly open: ReadonlySet<FolderNode>;
  readonly withExports: (file: MapFile) => boolean;
}

function buildTree(files: readonly MapFile[]): FolderNode {
  const root: FolderNode = { name: "", depth: 0, parent: undefined, folders: [], files: [], fileCount: 0 };
  for (const file of files) {
    const parts = file.path.split("/");
    let node = root;
    node.fileCount++;
    for (const part of parts.slice(0, -1)) {
      let child = node.folders.find((folder) => folder.name === part);
      if (child === undefined) {
        child = { name: part, depth: node.depth + 1, parent: node, folders: [], files: [], fileCount: 0 };
        node.folders.push(child);
      }
      child.fileCount++;
      node = child;
    }
    node.files.push(file);
  }
  sortTree(root);
  return root;
}

function sortTree(node: FolderNode): void {
  node.folders.sort((a, b) => compareNames(a.name, b.name));
  node.files.sort((a, b) => compareNames(a.path, b.path));
  for (const child of node.folders) sortTree(child);
}

/** Breadth-first: every folder of one depth before the next, each depth in name order. */
function allFolders(root: FolderNode): FolderNode[] {
  const order: FolderNode[] = [];
  let level = [root];
  while (level.length > 0) {
    order.push(...level);
    level = level.flatMap((folder) => folder.folders);
  }
  return order;
}

/** Characters added by opening `folder`: its header loses the count, and its children's lines appear. */
function openingGrowth(folder: FolderNode): number {
  const folded = foldedLine(folder).length;
  const opened = `${indentOf(folder)}${folder.name}/`.length;
  let added = opened - folded;
  for (const child of folder.folders) added += 1 + foldedLine(child).length;
  for (const file of folder.files) added += 1 + fileLine(file, folder.depth, false).length;
  return added;
}

function indentOf(folder: FolderNode): string {
  return "  ".repeat(Math.max(0, folder.depth - 1));
}

function foldedLine(folder: FolderNode): string {
  return `${indentOf(folder)}${folder.name}/ (${folder.fileCount} file${folder.fileCount === 1 ? "" : "s"})`;
}

function fileLine(file: MapFile, depth: number, withExports: boolean): string {
  const name = file.path.slice(file.path.lastIndexOf("/") + 1);
  const exports = withExports ? exportSummary(file.exports ?? []) : "";
  return `${"  ".repeat(depth)}${name} (${formatBytes(file.bytes)})${exports}`;
}

function renderFolder(node: FolderNode, choice: RenderChoice): string[] {
  const lines: string[] = [];
  for (const child of node.folders) {
    if (!choice.open.has(child)) {
      lines.push(foldedLine(child));
      continue;
    }
    lines.push(`${indentOf(child)}${child.name}/`);
    lines.push(...renderFolder(child, choice));
  }
  for (const file of node.files) lines.push(fileLine(file, node.depth, choice.withExports(file)));
  return lines;
}

function exportSummary(exports: readonly ExportedName[]): string {
  if (exports.length === 0) return "";
  const shown = exports.slice(0, MAX_EXPORTS_IN_MAP).map(describeExport);
  const more = exports.length > MAX_EXPORTS_IN_MAP ? `, +${exports.length - MAX_EXPORTS_IN_MAP}` : "";
  return `: ${shown.join(", ")}${more}`;
}

/** `812 B`, `4.2 KB`, `1.3 MB`: enough to tell a small module from a generated blob. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
