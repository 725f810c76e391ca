/** The kinds of names a module makes public, as far as a line scanner can tell. */
export type ExportKind =
  | "function"
  | "class"
  | "const"
  | "variable"
  | "interface"
  | "type"
  | "enum"
  | "trait"
  | "struct"
  | "module"
  | "default"
  | "re-export"
  | "name";

export interface ExportedName {
  readonly name: string;
  readonly kind: ExportKind;
}

/** A source file and the names it exports. */
export interface ModuleExports {
  /** Relative to the repository root, `/`-separated. */
  readonly path: string;
  readonly exports: readonly ExportedName[];
  /** `export * from "./x"` and the like: modules whose names this one passes on. */
  readonly reExportsFrom: readonly string[];
  /** True when the file had more exports than the scanner keeps. */
  readonly cut: boolean;
}
