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
  const localKinds = localDeclarationKinds(lines);
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
      for (const { local, name } of exportListNames(statement)) {
        exports.push({ name, kind: from ? "re-export" : (localKinds.get(local) ?? "name") });
      }
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

/** `export { a, type B, c as d } from "./x"` → a, B, d (with the local names a, B, c). */
function exportListNames(statement: string): { local: string; name: string }[] {
  const inner = /\{([^}]*)\}/.exec(statement)?.[1] ?? "";
  const names: { local: string; name: string }[] = [];
  for (const part of inner.split(",")) {
    const words = part
      .trim()
      .replace(/^type\s+/, "")
      .split(/\s+as\s+/);
    const local = (words[0] ?? "").trim();
    const name = (words[1] ?? local).trim();
    if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push({ local, name });
  }
  return names;
}

const LOCAL_DECLARATION =
  /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(function\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/;

/** Top-level declarations by name, exported or not: the kinds of what `export { a, b as c }` exports. */
function localDeclarationKinds(lines: readonly string[]): Map<string, ExportKind> {
  const kinds = new Map<string, ExportKind>();
  for (const line of lines) {
    const declaration = LOCAL_DECLARATION.exec(line);
    const keyword = declaration?.[1];
    const name = declaration?.[2];
    if (keyword !== undefined && name !== undefined && !kinds.has(name)) {
      kinds.set(name, KIND_OF_KEYWORD[keyword] ?? "name");
    }
  }
  return kinds;
}
