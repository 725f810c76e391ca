import type { ExportedName } from "./module-exports.js";
import type { ScannedExports } from "./scan-typescript-exports.js";
import { stripBlockComments } from "./strip-comments.js";

/**
 * The exported identifiers of a Go file (those starting with an upper-case letter): top-level `func`,
 * methods as `Type.Method`, `type`, and `const` / `var`, including those inside `( … )` groups.
 */
export function scanGoExports(text: string): ScannedExports {
  const exports: ExportedName[] = [];
  let group: "const" | "variable" | "type" | undefined;
  for (const line of stripBlockComments(text).split(/\r\n|\n|\r/)) {
    if (group !== undefined) {
      if (/^\)/.test(line)) group = undefined;
      else {
        const name = /^\t?\s{0,8}([A-Z]\w*)\b/.exec(line)?.[1];
        if (name && /^\s/.test(line)) exports.push({ name, kind: group });
      }
      continue;
    }
    const groupStart = /^(const|var|type)\s*\(\s*$/.exec(line);
    if (groupStart?.[1]) {
      group = groupStart[1] === "var" ? "variable" : groupStart[1] === "const" ? "const" : "type";
      continue;
    }
    const method = /^func\s+\(\s*\w*\s*\*?\s*([A-Z]\w*)(?:\[[^\]]*\])?\s*\)\s*([A-Z]\w*)/.exec(line);
    if (method?.[1] && method[2]) {
      exports.push({ name: `${method[1]}.${method[2]}`, kind: "function" });
      continue;
    }
    const declaration = /^(func|type|const|var)\s+([A-Z]\w*)(?:\s+(struct|interface)\b)?/.exec(line);
    if (!declaration?.[1] || !declaration[2]) continue;
    const kind =
      declaration[1] === "func"
        ? "function"
        : declaration[1] === "type"
          ? declaration[3] === "interface"
            ? "interface"
            : declaration[3] === "struct"
              ? "struct"
              : "type"
          : declaration[1] === "const"
            ? "const"
            : "variable";
    exports.push({ name: declaration[2], kind });
  }
  return { exports, reExportsFrom: [] };
}
