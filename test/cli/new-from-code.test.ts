import { cp, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCitations } from "../../src/engine/from-code/source-citations.js";
import {
  EXPRESS_USERS_REQUIREMENTS,
  EXPRESS_USERS_REQUIREMENTS_WRONG_SOURCE,
} from "../helpers/as-built-requirements.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/express-users-app/", import.meta.url));

describe("specwright new --from-code (end to end, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-from-code-");
  const model = useCliWithFakeModel(directory);
  const spec = (name: string) => readFile(join(directory(), ".kiro/specs/users-api", name), "utf8");
  const copyFixture = () => cp(FIXTURE, directory(), { recursive: true });

  it("writes an as-built spec of an Express app: cited symbols exist, tasks pin behaviour first, check --strict passes", async () => {
    await copyFixture();
    const result = await model.run(
      ["new", "users-api", "--from-code", "src", "--yes", "--json"],
      [{ text: EXPRESS_USERS_REQUIREMENTS_WRONG_SOURCE }, { text: EXPRESS_USERS_REQUIREMENTS }],
    );
    expect(result.code, result.stderr).toBe(0);
    const output = jsonOf(result);
    expect(output).toMatchObject({
      ok: true,
      spec: "users-api",
      origin: "from-code",
      status: "written",
      repairs: 1,
      facts: { modules: 4, routes: 4, tests: 0, todos: 2, unhandledErrors: 1 },
      approved: ["requirements", "design", "tasks"],
      files: [
        ".kiro/specs/users-api/requirements.md",
        ".kiro/specs/users-api/design.md",
        ".kiro/specs/users-api/tasks.md",
        ".kiro/specs/users-api/.config.kiro",
      ],
    });

    // The model saw the facts, and its citation of a symbol the code lacks came back as a repair.
    const requests = model.server?.requests ?? [];
    expect(requests).toHaveLength(2);
    const firstPrompt = JSON.stringify(requests[0]?.body?.messages);
    expect(firstPrompt).toContain("POST /users → src/routes/users.js#createUser");
    expect(firstPrompt).toContain("TODO persist users in a database");
    expect(JSON.stringify(requests[1]?.body?.messages)).toContain(
      "cites src/routes/users.js#fetchUserById; src/routes/users.js has no such symbol",
    );

    const requirements = await spec("requirements.md");
    expect(requirements).toBe(EXPRESS_USERS_REQUIREMENTS);
    const citations = requirements
      .split("\n")
      .filter((line) => line.includes("_Source:"))
      .flatMap((line) => parseCitations(line));
    expect(citations.length).toBeGreaterThanOrEqual(7);
    for (const citation of citations) {
      const code = await readFile(join(directory(), citation.file), "utf8");
      expect(code, `${citation.file}#${citation.symbol}`).toMatch(
        new RegExp(`(?:function|const)\\s+${citation.symbol ?? "\\0"}\\b`),
      );
    }

    const config = JSON.parse(await spec(".config.kiro")) as Record<string, unknown>;
    expect(config).toMatchObject({ origin: "from-code", paths: ["src/**"], specType: "feature" });

    const design = await spec("design.md");
    expect(design).toContain("```mermaid");
    expect(design).toContain('M1["src/app.js"]');
    expect(design).toContain('M2["src/routes/users.js"]');
    expect(design).toContain("M1 --> M2");
    expect(design).toContain("M2 --> M3");
    expect(design).toContain("**Validates: Requirements 2.1, 2.2, 2.3, 2.4**");

    const tasks = (await spec("tasks.md")).split("\n");
    const taskLines = tasks.filter((line) => /^\s*- \[ \]/.test(line));
    expect(taskLines[0]).toBe("- [ ] 1. Pin the current behaviour with tests (the code has none)");
    expect(taskLines[1]).toBe("  - [ ] 1.1 Write tests for `src/app.js` that pin its current behaviour");
    expect(tasks).toContain("    - Cover `POST /users` (`createUser`)");
    expect(taskLines.some((line) => line.includes("Resolve the TODO in `src/store.js` line 3"))).toBe(true);
    expect(taskLines.some((line) => line.includes("Resolve the FIXME in `src/validate.js` line 5"))).toBe(true);
    expect(taskLines.some((line) => line.includes("Handle the failures of `src/routes/users.js`"))).toBe(true);

    const approvals = JSON.parse(await spec(".specwright-approvals.json")) as { approvals: Record<string, unknown> };
    expect(Object.keys(approvals.approvals).sort()).toEqual(["design", "requirements", "tasks"]);
    const check = await runCli(["check", "--strict"], { cwd: directory() });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain("0 errors, 0 warnings");
  });

  it("without --json and --yes: a summary of the facts and files, nothing approved", async () => {
    await copyFixture();
    const result = await model.run(["new", "users-api", "--from-code", "src"], [{ text: EXPRESS_USERS_REQUIREMENTS }]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "read 4 modules, 4 routes, 0 covering test files, 2 TODO/FIXME comments, 1 modules with unhandled errors",
    );
    expect(result.stdout).toContain("wrote as-built spec users-api:");
    expect(result.stdout).toContain("  .kiro/specs/users-api/tasks.md");
    expect(result.stdout).toContain("Next: review the three documents, then approve each");
    expect(await readdir(join(directory(), ".kiro/specs/users-api"))).not.toContain(".specwright-approvals.json");
  });

  it("--estimate counts the requirements call from the code facts, sends nothing and writes nothing", async () => {
    await copyFixture();
    const result = await model.run(["new", "users-api", "--from-code", "src", "--estimate", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const estimate = jsonOf(result) as { estimate: boolean; calls: { purpose: string; inputTokens: number }[] };
    expect(estimate.estimate).toBe(true);
    expect(estimate.calls.map((call) => call.purpose)).toEqual(["requirements from code"]);
    expect(estimate.calls[0]?.inputTokens).toBeGreaterThan(500);
    expect(model.server?.requests).toHaveLength(0);
    expect(await readdir(directory())).not.toContain(".kiro");
  });

  it("refuses a prompt beside --from-code, and a path that does not exist, before any call", async () => {
    await copyFixture();
    const withPrompt = await model.run(["new", "users-api", "the users api", "--from-code", "src", "--json"]);
    expect(withPrompt.code).toBe(2);
    expect(jsonOf(withPrompt)).toMatchObject({ ok: false, error: { code: "from-code-conflict" } });
    const missing = await model.run(["new", "users-api", "--from-code", "lib", "--json"]);
    expect(missing.code).toBe(2);
    expect(jsonOf(missing)).toMatchObject({ ok: false, error: { code: "from-code-missing-path" } });
    expect(model.server?.requests).toHaveLength(0);
  });
});
