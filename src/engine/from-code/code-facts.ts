import type { ExportedName } from "../../model/inventory/module-exports.js";

/** One source module under the paths: what it exports and declares, and which modules it imports. */
export interface ModuleFact {
  /** Relative to the workspace root, `/`-separated. */
  readonly path: string;
  readonly exports: readonly ExportedName[];
  /** Top-level functions, classes and constants, exported or not: what a criterion may cite. */
  readonly declarations: readonly string[];
  /** Modules of the facts this one imports (resolved paths). */
  readonly imports: readonly string[];
  readonly lines: number;
  /** Why errors of this module may go unhandled (an `await` with no `try`/`catch`), if they may. */
  readonly unhandledErrors?: string;
}

/** An HTTP route registered Express/Fastify/Hono-style: `app.get("/users", listUsers)`. */
export interface RouteFact {
  readonly file: string;
  readonly line: number;
  /** The app or router the route is registered on (`usersRouter`). */
  readonly receiver: string;
  readonly method: string;
  readonly path: string;
  /** The named handler (the last identifier argument), or undefined for an inline one. */
  readonly handler?: string;
}

/** A `TODO` / `FIXME` / `HACK` / `XXX` comment. */
export interface TodoFact {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly text: string;
}

/** A test file and the fact modules it imports (the ones it covers). */
export interface TestFact {
  readonly path: string;
  readonly covers: readonly string[];
}

/** What the code under the paths is, read deterministically: the ground the as-built spec stands on. */
export interface CodeFacts {
  /** The paths asked for, relative to the root. */
  readonly paths: readonly string[];
  readonly modules: readonly ModuleFact[];
  readonly routes: readonly RouteFact[];
  readonly todos: readonly TodoFact[];
  readonly tests: readonly TestFact[];
  /** True when files were left out (too many, too large). */
  readonly cut: boolean;
}

/** The symbols a `_Source:_` citation may name in a file: its exports, declarations and route handlers. */
export function citableSymbols(facts: CodeFacts, file: string): ReadonlySet<string> | undefined {
  const module = facts.modules.find((candidate) => candidate.path === file);
  if (module === undefined) return undefined;
  return new Set([
    ...module.exports.map((exported) => exported.name),
    ...module.declarations,
    ...facts.routes.filter((route) => route.file === file && route.handler).map((route) => route.handler ?? ""),
  ]);
}
