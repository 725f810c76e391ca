import type { ExportedName } from "./module-exports.js";
import type { ScannedExports } from "./scan-typescript-exports.js";

/**
 * The public names of a Python module: `__all__` when the module declares it; otherwise its top-level
 * `def`, `async def`, `class` and UPPER_CASE constants that do not start with an underscore.
 */
export function scanPythonExports(text: string): ScannedExports {
  const declared = readDunderAll(text);
  const exports: ExportedName[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    const definition = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/.exec(line);
    if (definition?.[1] && definition[2]) {
      exports.push({ name: definition[2], kind: definition[1] === "def" ? "function" : "class" });
      continue;
    }
    const constant = /^([A-Z][A-Z0-9_]*)\s*(?::[^=]+)?=(?!=)/.exec(line);
    if (constant?.[1]) exports.push({ name: constant[1], kind: "const" });
  }
  if (declared === undefined) {
    return { exports: exports.filter((exported) => !exported.name.startsWith("_")), reExportsFrom: [] };
  }
  // `__all__` decides what is public; the definitions only lend their kinds.
  const kinds = new Map(exports.map((exported) => [exported.name, exported.kind]));
  return { exports: declared.map((name) => ({ name, kind: kinds.get(name) ?? "name" })), reExportsFrom: [] };
}

/** `__all__ = ["a", "b"]` or a tuple, over one or several lines. */
function readDunderAll(text: string): string[] | undefined {
  const match = /^__all__\s*(?::[^=]+)?=\s*[[(]([\s\S]*?)[\])]/m.exec(text);
  if (match?.[1] === undefined) return undefined;
  return [...match[1].matchAll(/["']([A-Za-z_]\w*)["']/g)].map((name) => name[1] ?? "");
}
