import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RATE_LIMITING, REQUIREMENTS_AS_WRITTEN } from "../helpers/authoring-fixtures.js";
import { RATE_LIMITING_QUESTIONS } from "../helpers/authoring-session.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const PROMPT =
  "Create a spec for rate limiting our Express API: 100 requests per minute per authenticated user; 1000 per minute per IP for unauthenticated routes; HTTP 429 with Retry-After; Redis for the counters; must work across several server instances";

describe("the seed walk, end to end through the built CLI and a fake OpenAI-compatible server", () => {
  const directory = useTempDirectory("specwright-seed-");
  const model = useCliWithFakeModel(directory);
  const cli = (args: readonly string[]) => runCli(args, { cwd: directory(), env: model.env() });
  const spec = () => join(directory(), ".kiro", "specs", "rate-limiting");
  const check = async () => {
    const result = await runCli(["check", "--strict", ".kiro/specs/rate-limiting"], { cwd: directory() });
    expect(result.stdout).toContain("0 errors, 0 warnings");
    expect(result.code).toBe(0);
  };

  it("questions → requirements → refine → approve → design → approve → plan, each document passing check", async () => {
    await mkdir(join(directory(), ".kiro", "steering"), { recursive: true });
    await writeFile(
      join(directory(), ".kiro", "steering", "tech.md"),
      "---\ninclusion: always\n---\n\n# Tech\n\nExpress 5 on Node 20; ioredis for Redis.\n",
    );
    await writeFile(
      join(directory(), "package-lock.json"),
      JSON.stringify({
        name: "api",
        lockfileVersion: 3,
        packages: {
          "": { name: "api", dependencies: { express: "^5.1.0", ioredis: "^5.4.1" } },
          "node_modules/express": { version: "5.1.0" },
          "node_modules/ioredis": { version: "5.4.1" },
        },
      }),
    );
    await writeFile(join(directory(), "answers.yaml"), "per-route-limits: Yes, per route\nredis-down: Fail open\n");
    const server = await model.start([
      { text: RATE_LIMITING_QUESTIONS },
      { text: `Here is the document.\n\n\`\`\`markdown\n${REQUIREMENTS_AS_WRITTEN}\`\`\`\n` },
    ]);

    // new: questions from the model, answers from the file (and --yes for the one it leaves out).
    const created = await cli(["new", "rate-limiting", PROMPT, "--answers", "answers.yaml", "--yes"]);
    expect(created.stderr).toContain("clarifying questions");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("wrote .kiro/specs/rate-limiting/requirements.md");
    expect(created.stderr).toMatch(/tokens: [\d,]+ in \/ [\d,]+ out/);
    const requirements = await readFile(join(spec(), "requirements.md"), "utf8");
    expect(requirements).toContain("- **Should limits be configurable per route?** Yes, per route");
    expect(requirements).toContain("- **Rolling or fixed window?** A sliding window of one minute.");
    expect(server.requests[0]?.rawBody).toContain("Express 5 on Node 20");
    await check();

    // refine: the model gets the file as it is on disk, including a manual edit, which it keeps.
    const edited = requirements.replace(
      "shared by every server instance.",
      "shared by every server instance (edited by hand).",
    );
    await writeFile(join(spec(), "requirements.md"), edited);
    const refined = RATE_LIMITING.refinedRequirements
      .replace(
        /### Clarifications\n\n[\s\S]*?\n\n## Glossary/,
        () => requirements.match(/### Clarifications\n\n[\s\S]*?\n\n## Glossary/)?.[0] ?? "",
      )
      .replace("shared by every server instance.", "shared by every server instance (edited by hand).");
    server.push({ text: refined });
    const refine = await cli(["refine", "rate-limiting", "requirements", "admin users are exempt", "--yes"]);
    expect(refine.code, refine.stderr).toBe(0);
    expect(refine.stdout).toContain("+### Requirement 4: Exempt administrators");
    expect(refine.stdout).toContain("applied");
    expect(server.requests.at(-1)?.rawBody).toContain("(edited by hand)");
    expect(await readFile(join(spec(), "requirements.md"), "utf8")).toBe(refined);
    await check();

    // design refuses until the requirements are approved.
    const refused = await cli(["design", "rate-limiting", "--json"]);
    expect(refused.code).toBe(1);
    expect(jsonOf(refused)).toMatchObject({ ok: false, error: { code: "not-approved" } });

    expect((await cli(["approve", "rate-limiting", "requirements"])).code).toBe(0);
    server.push({ text: RATE_LIMITING.design });
    const design = await cli(["design", "rate-limiting", "--json", "--verbose"]);
    expect(design.code, design.stderr).toBe(0);
    expect(jsonOf(design)).toMatchObject({ ok: true, status: "written", file: ".kiro/specs/rate-limiting/design.md" });
    expect(design.stderr).toContain("repository inventory");
    const designRequest = server.requests.at(-1)?.rawBody ?? "";
    expect(designRequest).toContain("ioredis");
    expect(designRequest).toContain("5.4.1");
    await check();

    expect((await cli(["approve", "rate-limiting", "design"])).code).toBe(0);
    server.push({ text: RATE_LIMITING.tasks });
    const plan = await cli(["plan", "rate-limiting"]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(await readFile(join(spec(), "tasks.md"), "utf8")).toBe(RATE_LIMITING.tasks);
    await check();
    expect((await readdir(spec())).filter((name) => name.endsWith(".draft"))).toEqual([]);
    expect(server.remaining()).toBe(0);
    // Authoring needs no tool calling: no request offered the model a tool.
    expect(server.requests.filter((request) => request.body?.tools !== undefined)).toEqual([]);
  });
});
