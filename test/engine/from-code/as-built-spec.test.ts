import { cp, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderAsBuiltDesign } from "../../../src/engine/from-code/as-built-design.js";
import { checkAsBuiltSpec } from "../../../src/engine/from-code/check-as-built-spec.js";
import type { CodeFacts } from "../../../src/engine/from-code/code-facts.js";
import { renderGapTasks } from "../../../src/engine/from-code/gap-tasks.js";
import { gatherCodeFacts } from "../../../src/engine/from-code/gather-code-facts.js";
import { importGraphMermaid } from "../../../src/engine/from-code/import-graph.js";
import { newSpecFromCode } from "../../../src/engine/from-code/new-spec-from-code.js";
import {
  criterionSources,
  parseCitations,
  sourceCitationFindings,
} from "../../../src/engine/from-code/source-citations.js";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";
import {
  EXPRESS_USERS_REQUIREMENTS,
  EXPRESS_USERS_REQUIREMENTS_WRONG_SOURCE,
} from "../../helpers/as-built-requirements.js";
import { scriptedSession } from "../../helpers/authoring-session.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/express-users-app/", import.meta.url));
const fixtureFacts = () => gatherCodeFacts({ root: FIXTURE, cwd: FIXTURE, paths: ["src"] });

describe("_Source:_ citations", () => {
  it("parse files and symbols, and leave the criterion's EARS form alone", () => {
    expect(parseCitations("… SHALL respond. _Source: src/a.js#list, `src/b.py#load_all_rows`, src/c.js_")).toEqual([
      { file: "src/a.js", symbol: "list" },
      { file: "src/b.py", symbol: "load_all_rows" },
      { file: "src/c.js" },
    ]);
    const criteria = parseRequirements(EXPRESS_USERS_REQUIREMENTS).requirements.flatMap(
      (requirement) => requirement.criteria,
    );
    expect(criteria.map((criterion) => criterion.id)).toEqual(["1.1", "2.1", "2.2", "2.3", "2.4"]);
    expect(criteria.map((criterion) => criterion.ears.pattern)).toEqual([
      "event-driven",
      "event-driven",
      "unwanted-behaviour",
      "event-driven",
      "unwanted-behaviour",
    ]);
    expect(criterionSources(EXPRESS_USERS_REQUIREMENTS).map((entry) => entry.citations.length)).toEqual([
      1, 2, 1, 2, 1,
    ]);
  });

  it("are checked against the code facts: unknown symbol, unknown file, missing line", async () => {
    const facts = await fixtureFacts();
    expect(sourceCitationFindings(EXPRESS_USERS_REQUIREMENTS, "r.md", facts)).toEqual([]);
    const wrong = sourceCitationFindings(EXPRESS_USERS_REQUIREMENTS_WRONG_SOURCE, "r.md", facts);
    expect(wrong.map((finding) => finding.message)).toEqual([
      "Criterion 2.2 cites src/routes/users.js#fetchUserById; src/routes/users.js has no such symbol.",
    ]);
    expect(wrong[0]?.fix).toContain("getUser");
    const unknownFile = EXPRESS_USERS_REQUIREMENTS.replace("src/validate.js#validateUser", "src/rules.js#validateUser");
    expect(sourceCitationFindings(unknownFile, "r.md", facts)[0]?.message).toBe(
      "Criterion 2.4 cites src/rules.js, which is not among the code read.",
    );
    const uncited = EXPRESS_USERS_REQUIREMENTS.replace("   _Source: src/app.js#health_\n", "");
    expect(sourceCitationFindings(uncited, "r.md", facts)[0]).toMatchObject({
      rule: "from-code/source",
      severity: "error",
      message: "Criterion 1.1 has no `_Source:_` line.",
    });
  });
});

describe("the as-built design and plan", () => {
  it("draw the real import graph", async () => {
    const graph = importGraphMermaid((await fixtureFacts()).modules);
    expect(graph.split("\n").filter((line) => line.includes("-->"))).toEqual([
      "  M1 --> M2",
      "  M2 --> M3",
      "  M2 --> M4",
    ]);
  });

  it("start with tests that pin current behaviour when the code has none, and pass check with the requirements", async () => {
    const facts = await fixtureFacts();
    const tasks = renderGapTasks(facts, EXPRESS_USERS_REQUIREMENTS);
    expect(tasks.split("\n").find((line) => line.startsWith("- [ ] 1."))).toBe(
      "- [ ] 1. Pin the current behaviour with tests (the code has none)",
    );
    const documents = {
      "requirements.md": EXPRESS_USERS_REQUIREMENTS,
      "design.md": renderAsBuiltDesign(facts, EXPRESS_USERS_REQUIREMENTS),
      "tasks.md": tasks,
    };
    expect(await checkAsBuiltSpec(FIXTURE, "users-api", documents)).toEqual([]);
  });

  it("with tests: pin only the untested modules, and ask to confirm the tested ones", async () => {
    const facts = await fixtureFacts();
    const tested: CodeFacts = { ...facts, tests: [{ path: "test/store.test.js", covers: ["src/store.js"] }] };
    const tasks = renderGapTasks(tested, EXPRESS_USERS_REQUIREMENTS);
    const groups = tasks.split("\n").filter((line) => /^- \[ \] \d+\./.test(line));
    expect(groups.slice(0, 2)).toEqual([
      "- [ ] 1. Pin the behaviour of the modules no test covers",
      "- [ ] 2. Confirm the existing tests pin the criteria",
    ]);
    expect(tasks).toContain("Check that the tests of `src/store.js` assert its criteria");
    expect(tasks).toContain("    - Tests: `test/store.test.js`");
    expect(tasks).not.toContain("Write tests for `src/store.js`");
    const design = renderAsBuiltDesign(tested, EXPRESS_USERS_REQUIREMENTS);
    expect(design).toContain("- `test/store.test.js` covers `src/store.js`");
    const documents = { "requirements.md": EXPRESS_USERS_REQUIREMENTS, "design.md": design, "tasks.md": tasks };
    expect(await checkAsBuiltSpec(FIXTURE, "users-api", documents)).toEqual([]);
  });
});

describe("newSpecFromCode", () => {
  const directory = useTempDirectory("specwright-from-code-engine-");

  it("keeps only a requirements draft, with no design or tasks, when the citations stay wrong", async () => {
    await cp(FIXTURE, directory(), { recursive: true });
    const wrong = { text: EXPRESS_USERS_REQUIREMENTS_WRONG_SOURCE };
    const { session, mock } = await scriptedSession([wrong, wrong, wrong]);
    const result = await newSpecFromCode({
      cwd: directory(),
      root: directory(),
      session,
      name: "users-api",
      paths: ["src"],
    });
    expect(result.status).toBe("draft");
    expect(result.problems.map((problem) => problem.rule)).toEqual(["from-code/source"]);
    expect(mock.remaining()).toBe(0);
    const folder = join(directory(), ".kiro/specs/users-api");
    expect((await readdir(folder)).sort()).toEqual([".config.kiro", "requirements.md.draft"]);
    expect(JSON.parse(await readFile(join(folder, ".config.kiro"), "utf8"))).toMatchObject({ origin: "from-code" });
  });

  it("records files and folders as owned globs, and refuses an existing spec folder before calling the model", async () => {
    await cp(FIXTURE, directory(), { recursive: true });
    const { session, mock } = await scriptedSession([{ text: EXPRESS_USERS_REQUIREMENTS }]);
    const paths = ["src/app.js", "src/routes", "src/store.js", "src/validate.js"];
    const written = await newSpecFromCode({ cwd: directory(), root: directory(), session, name: "users-api", paths });
    expect(written).toMatchObject({ status: "written", repairs: 0, approved: [] });
    const config = await readFile(join(directory(), ".kiro/specs/users-api/.config.kiro"), "utf8");
    expect(JSON.parse(config)).toMatchObject({
      origin: "from-code",
      paths: ["src/app.js", "src/routes/**", "src/store.js", "src/validate.js"],
    });
    await expect(
      newSpecFromCode({ cwd: directory(), root: directory(), session, name: "users-api", paths: ["src"] }),
    ).rejects.toMatchObject({ code: "spec-exists" });
    expect(mock.calls).toHaveLength(1);
  });
});
