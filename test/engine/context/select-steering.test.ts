import { describe, expect, it } from "vitest";
import { descriptionKeywords, matchDescription } from "../../../src/engine/context/auto-inclusion.js";
import { cutToSize } from "../../../src/engine/context/cut-to-size.js";
import { selectSteering } from "../../../src/engine/context/select-steering.js";
import { steeringInput } from "../../helpers/steering-inputs.js";

const ALWAYS = steeringInput("product", "---\ninclusion: always\n---\n\n# Product\n\nRate limits for the API.\n");
const IMPLICIT = steeringInput("tech", "# Tech\n\nNode 20.\n");
const TYPESCRIPT = steeringInput(
  "typescript",
  '---\ninclusion: fileMatch\nfileMatchPattern: ["src/**/*.ts", "test/**/*.ts"]\n---\n\nStrict TypeScript.\n',
);
const COMMA = steeringInput(
  "styles",
  '---\ninclusion: fileMatch\nfileMatchPattern: "**/*.css, **/*.scss"\n---\n\nBEM.\n',
);
const MANUAL = steeringInput("api-standards", "---\ninclusion: manual\n---\n\nREST conventions.\n");
const AUTO = steeringInput(
  "database",
  "---\ninclusion: auto\nname: database\ndescription: Redis counters and database migrations\n---\n\nUse Redis MULTI.\n",
);
const UNKNOWN = steeringInput("odd", "---\ninclusion: sometimes\n---\n\nOdd.\n");

function select(filesInPlay: string[], prompt = "", maxChars = 10_000) {
  return selectSteering({
    steering: [ALWAYS, IMPLICIT, TYPESCRIPT, COMMA, MANUAL, AUTO, UNKNOWN],
    filesInPlay,
    prompt,
    maxChars,
  });
}

describe("selectSteering", () => {
  it("includes always files and no others when nothing asks for them, saying why each is out", () => {
    const selection = select([]);
    expect(selection.included.map((entry) => [entry.path, entry.reason])).toEqual([
      [".kiro/steering/product.md", "always"],
      [".kiro/steering/tech.md", "always"],
    ]);
    expect(Object.fromEntries(selection.excluded.map((entry) => [entry.path, entry.reason]))).toEqual({
      ".kiro/steering/typescript.md": "fileMatch: no files in play to match src/**/*.ts, test/**/*.ts",
      ".kiro/steering/styles.md": "fileMatch: no files in play to match **/*.css, **/*.scss",
      ".kiro/steering/api-standards.md": "manual: the prompt does not name #api-standards",
      ".kiro/steering/database.md": "auto: the request does not match its description",
      ".kiro/steering/odd.md": 'inclusion "sometimes" is not a mode Kiro knows (run specwright check)',
    });
  });

  it("removes the front matter from the text", () => {
    expect(select([]).included[0]?.text).toBe("# Product\n\nRate limits for the API.");
  });

  it("includes fileMatch files whose pattern matches a file in play, comma-separated strings included", () => {
    const selection = select(["./src/limiter/redis.ts", "web\\site.scss"]);
    const reasons = Object.fromEntries(selection.included.map((entry) => [entry.path, entry.reason]));
    expect(reasons[".kiro/steering/typescript.md"]).toBe("fileMatch: src/**/*.ts matched src/limiter/redis.ts");
    expect(reasons[".kiro/steering/styles.md"]).toBe("fileMatch: **/*.scss matched web/site.scss");
    expect(select(["docs/readme.md"]).included.map((entry) => entry.path)).not.toContain(
      ".kiro/steering/typescript.md",
    );
  });

  it("includes a manual file when the prompt names it with #", () => {
    expect(select([], "Follow #api-standards here").included.map((entry) => entry.path)).toContain(
      ".kiro/steering/api-standards.md",
    );
    expect(select([], "Follow #api-standards.md").included.map((entry) => entry.path)).toContain(
      ".kiro/steering/api-standards.md",
    );
    expect(select([], "api-standards without a hash").included.map((entry) => entry.path)).not.toContain(
      ".kiro/steering/api-standards.md",
    );
    expect(select([], "#api-standards-v2").included.map((entry) => entry.path)).not.toContain(
      ".kiro/steering/api-standards.md",
    );
  });

  it("includes a manual file named by the name its front matter gives", () => {
    const named = steeringInput("x1", "---\ninclusion: manual\nname: security\n---\n\nNo secrets in logs.\n");
    const selection = selectSteering({ steering: [named], filesInPlay: [], prompt: "check #security", maxChars: 100 });
    expect(selection.included.map((entry) => entry.reason)).toEqual(["manual: the prompt names #security"]);
  });

  it("includes an auto file when the request uses its description's words", () => {
    const selection = select([], "Store the counters in Redis");
    expect(selection.included.find((entry) => entry.path === ".kiro/steering/database.md")?.reason).toBe(
      "auto: the request mentions redis, counters",
    );
  });

  it("inlines #[[file:…]] targets and reports the ones that could not be read", () => {
    const withReferences = steeringInput(
      "api",
      "# API\n\n#[[file:docs/openapi.yaml]]\n\n#[[file:docs/gone.md]]\n\n`#[[file:example]]` in code\n",
      [
        { path: "docs/openapi.yaml", text: "openapi: 3.1.0\n" },
        { path: "docs/gone.md", problem: "there is no file docs/gone.md in the workspace" },
      ],
    );
    const selection = selectSteering({ steering: [withReferences], filesInPlay: [], prompt: "", maxChars: 10_000 });
    expect(selection.included[0]?.text).toContain('<file path="docs/openapi.yaml">\nopenapi: 3.1.0\n</file>');
    expect(selection.included[0]?.text).toContain(
      "[file docs/gone.md not included: there is no file docs/gone.md in the workspace]",
    );
    expect(selection.included[0]?.text).toContain("`#[[file:example]]` in code");
    expect(selection.problems).toEqual([
      {
        path: ".kiro/steering/api.md",
        message: "#[[file:docs/gone.md]]: there is no file docs/gone.md in the workspace",
      },
    ]);
  });

  it("caps the total size: always files first, then cut, then left out with the reason", () => {
    const big = steeringInput("big", `---\ninclusion: manual\n---\n\n${"manual line\n".repeat(50)}`);
    const first = steeringInput("first", `${"always line\n".repeat(20)}`);
    const selection = selectSteering({ steering: [big, first], filesInPlay: [], prompt: "#big", maxChars: 300 });
    const total = selection.included.reduce((sum, entry) => sum + entry.text.length, 0);
    expect(total).toBeLessThanOrEqual(300);
    expect(selection.included.map((entry) => [entry.path, entry.truncated])).toEqual([
      [".kiro/steering/big.md", true],
      [".kiro/steering/first.md", false],
    ]);
    expect(selection.included[0]?.text).toMatch(/\[… \d+ more characters cut to fit the context\]$/);

    const none = selectSteering({ steering: [first, big], filesInPlay: [], prompt: "#big", maxChars: 239 });
    expect(none.excluded).toEqual([
      { path: ".kiro/steering/big.md", reason: "manual: the prompt names #big, but the size cap was reached" },
    ]);
  });

  it("leaves a file out rather than keep only the note of its cut", () => {
    const selection = selectSteering({ steering: [IMPLICIT, ALWAYS], filesInPlay: [], prompt: "", maxChars: 20 });
    expect(selection.included.map((entry) => entry.path)).toEqual([".kiro/steering/tech.md"]);
    expect(selection.excluded).toEqual([
      { path: ".kiro/steering/product.md", reason: "always, but the size cap was reached" },
    ]);
  });

  it("considers only the modes asked for", () => {
    const selection = selectSteering({
      steering: [ALWAYS, MANUAL],
      filesInPlay: [],
      prompt: "#api-standards",
      maxChars: 1000,
      modes: ["always", "fileMatch"],
    });
    expect(selection.included.map((entry) => entry.path)).toEqual([".kiro/steering/product.md"]);
    expect(selection.excluded[0]?.reason).toBe("manual: not considered here (only always, fileMatch)");
  });
});

describe("auto inclusion", () => {
  it("keeps the distinctive words of a description", () => {
    expect(descriptionKeywords("Guidelines for the Redis counters and the database")).toEqual([
      "redis",
      "counters",
      "database",
    ]);
  });

  it("needs two of them, or the only one, and accepts related word forms", () => {
    expect(matchDescription("Validation of payments", "validate the payment form")).toEqual(["validation", "payments"]);
    expect(matchDescription("Redis counters and database migrations", "a redis key")).toEqual([]);
    expect(matchDescription("Accessibility", "check accessibility")).toEqual(["accessibility"]);
    expect(matchDescription("a an of", "anything")).toEqual([]);
  });
});

describe("cutToSize", () => {
  it("keeps text that fits and cuts the rest at a line break, with a note, within the cap", () => {
    expect(cutToSize("short", 10)).toEqual({ text: "short", truncated: false });
    const text = Array.from({ length: 40 }, (_, index) => `line ${index}`).join("\n");
    const cut = cutToSize(text, 120);
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(120);
    expect(cut.text).toMatch(/^line 0\nline 1\n/);
    expect(cut.text).toMatch(/\n\[… \d+ more characters cut to fit the context\]$/);
    expect(cutToSize(text, 5)).toEqual({ text: "", truncated: true });
  });
});
