import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gatherCodeFacts } from "../../../src/engine/from-code/gather-code-facts.js";
import {
  applyMounts,
  scanDeclarations,
  scanMounts,
  scanRelativeImports,
  scanRoutes,
  scanTodos,
  unhandledErrorHint,
} from "../../../src/engine/from-code/scan-source-text.js";
import { rejectionOf } from "../../helpers/engine-error.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/express-users-app/", import.meta.url));

describe("scanning source text", () => {
  it("finds Express, Fastify and Hono routes with their named handler, inline handlers without one", () => {
    const text = [
      'app.get("/health", health);',
      "router.post('/users', requireAuth, users.create);",
      "fastify.delete(`/items/:id`, async (request) => remove(request));",
      'app.put("/x", (req, res) => res.end())',
      'const value = cache.get("key", fallback);',
    ].join("\n");
    expect(scanRoutes("src/app.js", text)).toEqual([
      { file: "src/app.js", line: 1, receiver: "app", method: "GET", path: "/health", handler: "health" },
      { file: "src/app.js", line: 2, receiver: "router", method: "POST", path: "/users", handler: "create" },
      { file: "src/app.js", line: 3, receiver: "fastify", method: "DELETE", path: "/items/:id" },
      { file: "src/app.js", line: 4, receiver: "app", method: "PUT", path: "/x" },
    ]);
  });

  it("prefixes a mounted router's routes with its mount path", () => {
    const routes = scanRoutes("src/users.js", 'usersRouter.get("/", list);\nusersRouter.get("/:id", show);');
    const mounts = scanMounts('app.use("/users", usersRouter);');
    expect(applyMounts(routes, mounts).map((route) => route.path)).toEqual(["/users", "/users/:id"]);
  });

  it("finds TODO, FIXME, HACK and XXX comments with their line", () => {
    const text =
      "const a = 1;\n// TODO: cache this\n# FIXME broken on Windows\n/* XXX remove */\nconst todo = 'TODO in a string';";
    expect(scanTodos("a.js", text)).toEqual([
      { file: "a.js", line: 2, kind: "TODO", text: "cache this" },
      { file: "a.js", line: 3, kind: "FIXME", text: "broken on Windows" },
      { file: "a.js", line: 4, kind: "XXX", text: "remove" },
    ]);
  });

  it("reads relative imports, requires and re-exports, not packages", () => {
    const text = [
      'import express from "express";',
      'import { a } from "./a.js";',
      'export * from "../b";',
      'const c = require("./c");',
      'const d = await import("./d.js");',
    ].join("\n");
    expect(scanRelativeImports(text)).toEqual(["./a.js", "../b", "./c", "./d.js"]);
  });

  it("reads top-level declarations and CommonJS exports", () => {
    const text =
      "function local() {}\nexport async function listUsers() {}\nclass Store {}\n  const nested = 1;\nmodule.exports = { listUsers, addUser: add };\nexports.remove = remove;";
    expect(scanDeclarations(text)).toEqual(["local", "listUsers", "Store", "addUser", "remove"]);
  });

  it("flags awaits and JSON.parse without try/catch, and nothing when errors are caught", () => {
    expect(unhandledErrorHint("export async function f() { return await g(); }")).toBe("awaits without try/catch");
    expect(unhandledErrorHint("const x = JSON.parse(text);")).toBe("JSON.parse without try/catch");
    expect(unhandledErrorHint("try { await g(); } catch (error) { log(error); }")).toBeUndefined();
    expect(unhandledErrorHint("g().catch(log); await h();")).toBeUndefined();
    expect(unhandledErrorHint("export const a = 1;")).toBeUndefined();
  });
});

describe("gatherCodeFacts on the Express fixture", () => {
  it("reads its modules, exports, imports, mounted routes, comments, and finds no tests", async () => {
    const facts = await gatherCodeFacts({ root: FIXTURE, cwd: FIXTURE, paths: ["src"] });
    expect(facts.paths).toEqual(["src"]);
    expect(facts.modules.map((module) => module.path)).toEqual([
      "src/app.js",
      "src/routes/users.js",
      "src/store.js",
      "src/validate.js",
    ]);
    const users = facts.modules.find((module) => module.path === "src/routes/users.js");
    expect(users?.imports).toEqual(["src/store.js", "src/validate.js"]);
    expect(users?.exports.map((name) => name.name)).toEqual(["usersRouter", "getUsers", "getUser", "createUser"]);
    expect(users?.unhandledErrors).toBe("awaits without try/catch");
    expect(facts.routes.map((route) => `${route.method} ${route.path} ${route.handler}`)).toEqual([
      "GET /health health",
      "GET /users getUsers",
      "GET /users/:id getUser",
      "POST /users createUser",
    ]);
    expect(facts.todos.map((todo) => `${todo.file}:${todo.line} ${todo.kind}`)).toEqual([
      "src/store.js:3 TODO",
      "src/validate.js:5 FIXME",
    ]);
    expect(facts.tests).toEqual([]);
  });

  it("reads only the paths asked for, a file alone included", async () => {
    const facts = await gatherCodeFacts({ root: FIXTURE, cwd: FIXTURE, paths: ["src/store.js", "src/validate.js"] });
    expect(facts.modules.map((module) => module.path)).toEqual(["src/store.js", "src/validate.js"]);
    expect(facts.routes).toEqual([]);
  });

  it("refuses a missing path, one outside the workspace, and paths without source files", async () => {
    const codeOf = async (paths: string[]) =>
      (await rejectionOf(gatherCodeFacts({ root: FIXTURE, cwd: FIXTURE, paths }))).code;
    expect(await codeOf(["lib"])).toBe("from-code-missing-path");
    expect(await codeOf([".."])).toBe("from-code-outside");
    expect(await codeOf(["package.json"])).toBe("from-code-no-source");
    expect(await codeOf([])).toBe("from-code-no-paths");
  });
});
