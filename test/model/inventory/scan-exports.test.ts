import { describe, expect, it } from "vitest";
import { isTestFileName, scanModuleExports } from "../../../src/model/inventory/scan-module-exports.js";

const TYPESCRIPT = `import { z } from "zod";
/** Docs. */
export interface RateLimitOptions { limit: number }
export type Key = string;
export const DEFAULT_LIMIT = 100;
export async function createLimiter(options: RateLimitOptions) {}
export function* keys() {}
export default class Limiter {}
export abstract class Store {}
export enum Mode { Fixed, Rolling }
export declare const VERSION: string;
/* export function commentedOut() {} */
// export function alsoCommented() {}
function internal() {}
export { internal as helper, type Key as LimitKey };
export {
  parseWindow,
  formatWindow as format,
} from "./window.js";
export * from "./store.js";
export * as redis from "./redis-store.js";
`;

describe("scanModuleExports", () => {
  it("reads TypeScript declarations, lists, re-exports and default exports", () => {
    const scanned = scanModuleExports("src/limiter.ts", TYPESCRIPT);
    expect(scanned?.exports).toEqual([
      { name: "RateLimitOptions", kind: "interface" },
      { name: "Key", kind: "type" },
      { name: "DEFAULT_LIMIT", kind: "const" },
      { name: "createLimiter", kind: "function" },
      { name: "keys", kind: "function" },
      { name: "Limiter", kind: "default" },
      { name: "Store", kind: "class" },
      { name: "Mode", kind: "enum" },
      { name: "VERSION", kind: "const" },
      { name: "helper", kind: "function" },
      { name: "LimitKey", kind: "type" },
      { name: "parseWindow", kind: "re-export" },
      { name: "format", kind: "re-export" },
      { name: "redis", kind: "re-export" },
    ]);
    expect(scanned?.reExportsFrom).toEqual(["./store.js"]);
    expect(scanned?.cut).toBe(false);
  });

  it("reads CommonJS exports", () => {
    const text = "module.exports = { connect, close: shutdown };\nexports.retry = retry;\n";
    expect(scanModuleExports("lib/db.cjs", text)?.exports.map((exported) => exported.name)).toEqual([
      "connect",
      "close",
      "retry",
    ]);
  });

  it("reads Python __all__ first, else public top-level definitions and constants", () => {
    const declared =
      '__all__ = [\n    "Client",\n    "connect",\n    "_internal_but_listed",\n]\n\nclass Client:\n    def send(self): ...\n\ndef _internal_but_listed():\n    pass\n\ndef helper():\n    pass\n';
    expect(scanModuleExports("pkg/client.py", declared)?.exports).toEqual([
      { name: "Client", kind: "class" },
      { name: "connect", kind: "name" },
      { name: "_internal_but_listed", kind: "function" },
    ]);
    const plain =
      "MAX_RETRIES = 3\n_private = 1\n\nclass Limiter:\n    def allow(self):\n        pass\n\nasync def fetch():\n    pass\n\ndef _hidden():\n    pass\n";
    expect(scanModuleExports("pkg/limiter.py", plain)?.exports).toEqual([
      { name: "MAX_RETRIES", kind: "const" },
      { name: "Limiter", kind: "class" },
      { name: "fetch", kind: "function" },
    ]);
  });

  it("reads Go exported identifiers, methods and grouped declarations", () => {
    const go = [
      "package limiter",
      "",
      "const (",
      "\tDefaultLimit = 100",
      "\tinternalLimit = 5",
      ")",
      "type Limiter struct {",
      "\tstore Store",
      "}",
      "type Store interface {",
      "\tIncr(key string) (int, error)",
      "}",
      "func New(store Store) *Limiter { return nil }",
      "func (l *Limiter) Allow(key string) bool { return true }",
      "func helper() {}",
      'var ErrLimited = errors.New("limited")',
    ].join("\n");
    expect(scanModuleExports("limiter/limiter.go", go)?.exports).toEqual([
      { name: "DefaultLimit", kind: "const" },
      { name: "Limiter", kind: "struct" },
      { name: "Store", kind: "interface" },
      { name: "New", kind: "function" },
      { name: "Limiter.Allow", kind: "function" },
      { name: "ErrLimited", kind: "variable" },
    ]);
  });

  it("reads Rust pub items and pub use re-exports", () => {
    const rust = [
      "pub mod store;",
      "pub use store::RedisStore;",
      "pub struct Limiter { limit: u32 }",
      "pub(crate) enum Window { Fixed, Rolling }",
      "pub trait Store {}",
      "pub async fn check() {}",
      "pub const fn max() -> u32 { 1 }",
      "fn private() {}",
      "impl Limiter {",
      "    pub fn allow(&self) -> bool { true }",
      "}",
    ].join("\n");
    const scanned = scanModuleExports("src/lib.rs", rust);
    expect(scanned?.exports.map((exported) => `${exported.kind} ${exported.name}`)).toEqual([
      "module store",
      "struct Limiter",
      "enum Window",
      "trait Store",
      "function check",
      "function max",
      "function allow",
    ]);
    expect(scanned?.reExportsFrom).toEqual(["store::RedisStore"]);
  });

  it("caps the exports kept per file and says so", () => {
    const text = Array.from({ length: 50 }, (_, index) => `export const name${index} = ${index};`).join("\n");
    const scanned = scanModuleExports("src/many.ts", text, 10);
    expect(scanned?.exports).toHaveLength(10);
    expect(scanned?.cut).toBe(true);
  });

  it("reads no exports of other files and tells test files by name", () => {
    expect(scanModuleExports("README.md", "export const x = 1")).toBeUndefined();
    expect(scanModuleExports("types/index.d.ts", "export interface X {}")).toBeUndefined();
    expect(["a.test.ts", "src/b.spec.jsx", "tests/test_api.py", "api_test.py", "x_test.go"].every(isTestFileName)).toBe(
      true,
    );
    expect(["test/helpers/run-cli.ts", "testing.py", "contest.go"].some(isTestFileName)).toBe(false);
  });
});
