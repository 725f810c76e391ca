import { stripBlockComments } from "../../model/inventory/strip-comments.js";
import type { RouteFact, TodoFact } from "./code-facts.js";

const ROUTE =
  /\b([\w$]*(?:app|router|server|api|routes)|fastify|hono)\s*\.\s*(get|post|put|patch|delete|del|all|head|options)\s*\(\s*(['"`])([^'"`]+)\3\s*,([^\n]*)/gi;
const MOUNT = /\.\s*(?:use|route)\s*\(\s*(['"`])(\/[^'"`]*)\1\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g;
const IDENTIFIER_ARGUMENT = /(?:^|,)\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?=,|\)\s*;?\s*$|\)\s*$)/g;
const TODO = /(?:\/\/|#|\/\*|\*)\s*(TODO|FIXME|HACK|XXX)\b[:\s]*(.*?)\s*(?:\*\/)?$/;
const IMPORT_SPECIFIERS = [
  /\bimport\s+(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g,
  /\bexport\s+[^'"`;]*?\s+from\s+['"]([^'"]+)['"]/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];
const DECLARATION =
  /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*([A-Za-z_$][\w$]*)|class\s+([A-Za-z_$][\w$]*)|(?:const|let|var)\s+([A-Za-z_$][\w$]*))/;
const COMMONJS_EXPORT = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=|^module\.exports\s*=\s*\{([^}]*)\}/;

/** Routes registered on an app or router, one per call, with the named handler when there is one. */
export function scanRoutes(file: string, text: string): RouteFact[] {
  const routes: RouteFact[] = [];
  const source = stripBlockComments(text);
  for (const match of source.matchAll(ROUTE)) {
    const method = (match[2] ?? "").toUpperCase();
    const line = source.slice(0, match.index).split("\n").length;
    const rest = match[5] ?? "";
    const handlers = [...rest.matchAll(IDENTIFIER_ARGUMENT)].map((argument) => argument[1] ?? "");
    const handler = handlers.at(-1)?.split(".").at(-1);
    routes.push({
      file,
      line,
      receiver: match[1] ?? "",
      method: method === "DEL" ? "DELETE" : method,
      path: match[4] ?? "",
      ...(handler !== undefined && handler !== "" ? { handler } : {}),
    });
  }
  return routes;
}

/** A router mounted under a prefix: `app.use("/users", usersRouter)`. */
export interface RouteMount {
  readonly prefix: string;
  readonly router: string;
}

export function scanMounts(text: string): RouteMount[] {
  return [...stripBlockComments(text).matchAll(MOUNT)].map((match) => ({
    prefix: match[2] ?? "",
    router: match[3] ?? "",
  }));
}

/** Routes with the prefix their router is mounted under, when a mount names their receiver. */
export function applyMounts(routes: readonly RouteFact[], mounts: readonly RouteMount[]): RouteFact[] {
  return routes.map((route) => {
    const mount = mounts.find((candidate) => candidate.router === route.receiver);
    if (mount === undefined) return route;
    const joined = `${mount.prefix.replace(/\/$/, "")}${route.path === "/" ? "" : route.path}`;
    return { ...route, path: joined === "" ? "/" : joined };
  });
}

/** `TODO`, `FIXME`, `HACK` and `XXX` comments with their line. */
export function scanTodos(file: string, text: string): TodoFact[] {
  const todos: TodoFact[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const match = TODO.exec(lineText);
    if (match === null) return;
    todos.push({ file, line: index + 1, kind: match[1] ?? "TODO", text: (match[2] ?? "").trim() });
  });
  return todos;
}

/** Relative module specifiers the text imports, requires or re-exports (packages are left out). */
export function scanRelativeImports(text: string): string[] {
  const source = stripBlockComments(text);
  const found = new Set<string>();
  for (const pattern of IMPORT_SPECIFIERS) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1] ?? "";
      if (specifier.startsWith("./") || specifier.startsWith("../")) found.add(specifier);
    }
  }
  return [...found];
}

/** Names declared at the top level (no indentation), and CommonJS exports, in order of appearance. */
export function scanDeclarations(text: string): string[] {
  const names = new Set<string>();
  for (const line of stripBlockComments(text).split(/\r?\n/)) {
    const declaration = DECLARATION.exec(line);
    const name = declaration?.[1] ?? declaration?.[2] ?? declaration?.[3];
    if (name !== undefined) names.add(name);
    const commonJs = COMMONJS_EXPORT.exec(line);
    if (commonJs?.[1] !== undefined) names.add(commonJs[1]);
    for (const member of commonJs?.[2]?.split(",") ?? []) {
      const key = member.split(":")[0]?.trim();
      if (key !== undefined && /^[A-Za-z_$][\w$]*$/.test(key)) names.add(key);
    }
  }
  return [...names];
}

/**
 * Why a module's failures may reach nobody: it awaits or parses JSON and has no `try`, `catch` or `.catch(`.
 * A heuristic for a gap worth a task, not a proof.
 */
export function unhandledErrorHint(text: string): string | undefined {
  const source = stripBlockComments(text).replace(/\/\/.*$/gm, "");
  if (/\btry\s*\{|\bcatch\s*\(|\.catch\s*\(|\bcatch\s*\{/.test(source)) return undefined;
  const risky = [
    /\bawait\b/.test(source) ? "awaits" : undefined,
    /\bJSON\.parse\s*\(/.test(source) ? "JSON.parse" : undefined,
  ].filter((reason): reason is string => reason !== undefined);
  if (risky.length === 0) return undefined;
  return `${risky.join(", ")} without try/catch`;
}
