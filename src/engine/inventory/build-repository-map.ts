import type { RenderedText } from "../../model/inventory/render-inventory.js";
import { type MapFile, renderRepositoryMap } from "../../model/inventory/render-repository-map.js";
import { walkRepositoryFiles } from "../../workspace/walk-repository-files.js";
import { readSourceExports } from "./read-source-exports.js";

export const DEFAULT_MAP_MAX_FILES = 5_000;

export interface BuildRepositoryMapOptions {
  readonly root: string;
  /** The most characters of the map, note included. */
  readonly maxChars: number;
  /** Files the walk lists at most. */
  readonly maxFiles?: number;
  /** Characters of source read for exports at most; default 2,000,000. */
  readonly maxSourceChars?: number;
}

export interface RepositoryMap extends RenderedText {
  /** Files the walk listed (the map may fold or cut some of them). */
  readonly files: number;
  /** True when the walk stopped at `maxFiles`. */
  readonly truncated: boolean;
}

/**
 * A compact tree of the repository at `root` (files, sizes, first exports) for a task agent's context,
 * at most `maxChars` long: .gitignore'd, dependency and build folders left out.
 */
export async function buildRepositoryMap(options: BuildRepositoryMapOptions): Promise<RepositoryMap> {
  const walk = await walkRepositoryFiles(options.root, { maxFiles: options.maxFiles ?? DEFAULT_MAP_MAX_FILES });
  const sources = await readSourceExports(options.root, walk.files, options.maxSourceChars ?? 2_000_000);
  const exportsOf = new Map(sources.modules.map((module) => [module.path, module.exports]));
  const files: MapFile[] = walk.files.map((file) => {
    const exports = exportsOf.get(file.path);
    return exports === undefined || exports.length === 0 ? file : { ...file, exports };
  });
  const rendered = renderRepositoryMap(files, { maxChars: options.maxChars });
  const walkNote = walk.truncated ? `\n_The walk stopped at ${walk.files.length} files; others are not shown._` : "";
  const fitsNote = rendered.text.length + walkNote.length <= options.maxChars;
  return {
    text: fitsNote ? rendered.text + walkNote : rendered.text,
    cut: rendered.cut || walk.truncated,
    files: walk.files.length,
    truncated: walk.truncated,
  };
}
