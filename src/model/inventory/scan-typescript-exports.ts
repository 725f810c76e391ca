import type { ExportedName, ExportKind } from "./module-exports.js";
import { stripBlockComments } from "./strip-comments.js";

export interface ScannedExports {
  readonly exports: ExportedName[];
  readonly reExportsFrom: string[];
}

const DECLARATION =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(async\s+)?(function\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/;

const KIND_OF_KEYWORD: Readonly<Record<string, ExportKind>> = {
  function: "function",
  "function*": "function",
  class: "class",
  const: "const",
  let: "variable",
  var: "variable",
  interface: "interface",
  type: "type",
  enum: "enum",
  namespace: "module",
};

/**
 * The exports of a TypeScript or JavaScript module, line by line: declarations (`export function`, `class`,
 * `const`, `interface`, `type`, `enum`), `export default`, export lists `export { a, b as c }` (over several
 * lines too) and re-exports `export * from "./x"`. CommonJS `module.exports = {…}` / `exports.name =` too.
 */
export function scanTypeScriptExports(text: string): ScannedExports {
  const exports: ExportedName[] = [];
  const reExportsFrom: string[] = [];
  const lines = stripBlockComments(text).split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? "").trim();
    if (!line.startsWith("export") && !line.startsWith("module.exports") && !line.startsWith("exports.")) continue;
    const declaration = DECLARATION.exec(line);
    if (declaration?.[2] && declaration[3]) {
      const isDefault = /^export\s+(?:declare\s+)?default\b/.test(line);
      exports.push({ name: declaration[3], kind: isDefault ? "default" : (KIND_OF_KEYWORD[declaration[2]] ?? "name") });
      // `export const a = 1, b = 2` is rare enough to read only the first name.
      continue;
    }
    if (/^export\s+default\b/.test(line)) {
      exports.push({ name: "default", kind: "default" });
      continue;
    }
    const star = /^export\s+(?:type\s+)?\*\s*(?:as\s+([A-Za-z_$][\w$]*)\s+)?from\s+["']([^"']+)["']/.exec(line);
    if (star) {
      if (star[1]) exports.push({ name: star[1], kind: "re-export" });
      else if (star[2]) reExportsFrom.push(star[2]);
      continue;
    }
    if (/^export\s+(?:type\s+)?\{/.test(line)) {
      let statement = line;
      while (!statement.includes("}") && index + 1 < lines.length) statement += ` ${(lines[++index] ?? "").trim()}`;
      // The `from` clause may sit on the line after the closing brace.
      if (!/from\s+["']|;\s*$/.test(statement) && /^from\b/.test((lines[index + 1] ?? "").trim())) {
        statement += ` ${(lines[++index] ?? "").trim()}`;
      }
      const from = /\}\s*from\s+["']/.test(statement);
      for (const name of exportListNames(statement)) exports.push({ name, kind: from ? "re-export" : "name" });
      continue;
    }
    const commonJsObject = /^module\.exports\s*=\s*\{([^}]*)\}?/.exec(line);
    if (commonJsObject?.[1] !== undefined) {
      for (const part of commonJsObject[1].split(",")) {
        const name = /^\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1];
        if (name) exports.push({ name, kind: "name" });
      }
      continue;
    }
    const commonJsName = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/.exec(line);
    if (commonJsName?.[1]) exports.push({ name: commonJsName[1], kind: "name" });
    else if (/^module\.exports\s*=/.test(line)) exports.push({ name: "default", kind: "default" });
  }
  return { exports, reExportsFrom };
}

/** `export { a, type B, c as d } from "./x"` → a, B, d. */
function exportListNames(statement: string): string[] {
  const inner = /\{([^}]*)\}/.exec(statement)?.[1] ?? "";
  const names: string[] = [];
  for (const part of inner.split(",")) {
    const words = part
      .trim()
      .replace(/^type\s+/, "")
      .split(/\s+as\s+/);
    const name = (words[1] ?? words[0] ?? "").trim();
    if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
  }
  return names;
}
