import type { ModuleExports } from "./module-exports.js";
import { scanGoExports } from "./scan-go-exports.js";
import { scanPythonExports } from "./scan-python-exports.js";
import { scanRustExports } from "./scan-rust-exports.js";
import { type ScannedExports, scanTypeScriptExports } from "./scan-typescript-exports.js";

/** Exports kept per file; a file with more is a barrel or generated, and its first names say enough. */
export const MAX_EXPORTS_PER_FILE = 40;

const SCANNER_OF_EXTENSION: Readonly<Record<string, (text: string) => ScannedExports>> = {
  ".ts": scanTypeScriptExports,
  ".tsx": scanTypeScriptExports,
  ".mts": scanTypeScriptExports,
  ".cts": scanTypeScriptExports,
  ".js": scanTypeScriptExports,
  ".jsx": scanTypeScriptExports,
  ".mjs": scanTypeScriptExports,
  ".cjs": scanTypeScriptExports,
  ".py": scanPythonExports,
  ".go": scanGoExports,
  ".rs": scanRustExports,
};

/** True when `path` is a source file whose exports Specwright can read. */
export function hasExportScanner(path: string): boolean {
  return Object.hasOwn(SCANNER_OF_EXTENSION, extensionOf(path)) && !path.endsWith(".d.ts");
}

/**
 * Test files by their name (`x.test.ts`, `x.spec.js`, `test_x.py`, `x_test.py`, `x_test.go`): what they
 * export serves the test runner, not reuse. Test helpers, named otherwise, are kept.
 */
export function isTestFileName(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /\.(?:test|spec)\.[cm]?[jt]sx?$/.test(name) || /^test_.*\.py$|_test\.py$|_test\.go$/.test(name);
}

/** The exports of the source file at `path` (relative) holding `text`; undefined for other files. */
export function scanModuleExports(
  path: string,
  text: string,
  maxExports = MAX_EXPORTS_PER_FILE,
): ModuleExports | undefined {
  if (!hasExportScanner(path)) return undefined;
  const scanner = SCANNER_OF_EXTENSION[extensionOf(path)];
  if (scanner === undefined) return undefined;
  const scanned = scanner(text);
  const unique = scanned.exports.filter(
    (exported, index) => scanned.exports.findIndex((other) => other.name === exported.name) === index,
  );
  return {
    path,
    exports: unique.slice(0, maxExports),
    reExportsFrom: scanned.reExportsFrom.slice(0, maxExports),
    cut: unique.length > maxExports || scanned.reExportsFrom.length > maxExports,
  };
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot).toLowerCase();
}
