import type { ExportedName, ExportKind } from "./module-exports.js";
import type { ScannedExports } from "./scan-typescript-exports.js";
import { stripBlockComments } from "./strip-comments.js";

const KIND_OF_ITEM: Readonly<Record<string, ExportKind>> = {
  fn: "function",
  struct: "struct",
  enum: "enum",
  trait: "trait",
  type: "type",
  const: "const",
  static: "variable",
  mod: "module",
  union: "struct",
  macro_rules: "function",
};

/**
 * The public items of a Rust file: `pub fn`, `pub struct`, `pub enum`, `pub trait`, `pub type`, `pub const`,
 * `pub static`, `pub mod` (also `pub(crate)` and qualifiers such as `async`, `unsafe`, `const fn`), and
 * `pub use` re-exports. Items of `impl` blocks count as methods of their type only when the line says `pub`.
 */
export function scanRustExports(text: string): ScannedExports {
  const exports: ExportedName[] = [];
  const reExportsFrom: string[] = [];
  for (const raw of stripBlockComments(text).split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (!line.startsWith("pub")) continue;
    // `pub(crate)` and `pub(super)` are not visible outside the crate, but still what the crate offers itself.
    const item =
      /^pub(?:\([^)]*\))?\s+(?:(?:async|unsafe|const|extern(?:\s+"[^"]*")?)\s+)*(fn|struct|enum|trait|type|const|static|mod|union)\s+(?:mut\s+)?([A-Za-z_]\w*)/.exec(
        line,
      );
    if (item?.[1] && item[2]) {
      exports.push({ name: item[2], kind: KIND_OF_ITEM[item[1]] ?? "name" });
      continue;
    }
    const use = /^pub(?:\([^)]*\))?\s+use\s+([^;]+);?/.exec(line);
    if (use?.[1]) reExportsFrom.push(use[1].trim());
  }
  return { exports, reExportsFrom };
}
