import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  RATE_LIMITING,
  REQUIREMENTS_AS_WRITTEN,
  writeRateLimitingRequirements,
} from "../helpers/authoring-fixtures.js";
import { RATE_LIMITING_QUESTIONS } from "../helpers/authoring-session.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { runCliOnTerminal } from "../helpers/run-cli-on-terminal.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

describe("authoring on a terminal", () => {
  const directory = useTempDirectory("specwright-terminal-");
  const model = useCliWithFakeModel(directory);
  const env = model.env;

  it("asks each clarifying question; Enter takes the suggested answer", async () => {
    await model.start([{ text: RATE_LIMITING_QUESTIONS }, { text: REQUIREMENTS_AS_WRITTEN }]);
    const result = await runCliOnTerminal(["new", "rate-limiting", "rate limiting for our Express API"], {
      cwd: directory(),
      env: env(),
      prompt: "›",
      answers: ["No, one limit for every route", "", "Fixed window"],
    });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("1. Should limits be configurable per route? (per-route-limits)");
    expect(result.output).toContain("[Fail open: requests pass and an error is logged.]");
    const text = await readFile(join(directory(), ".kiro", "specs", "rate-limiting", "requirements.md"), "utf8");
    expect(text).toContain("- **Should limits be configurable per route?** No, one limit for every route");
    expect(text).toContain(
      "- **Fail open or closed when Redis is down?** Fail open: requests pass and an error is logged.",
    );
    expect(text).toContain("- **Rolling or fixed window?** Fixed window");
  });

  it("asks on the terminal only the questions the answers file leaves open", async () => {
    await writeFile(join(directory(), "answers.yaml"), "per-route-limits: Yes, per route\nredis-down: Fail closed\n");
    await model.start([{ text: RATE_LIMITING_QUESTIONS }, { text: REQUIREMENTS_AS_WRITTEN }]);
    const result = await runCliOnTerminal(
      ["new", "rate-limiting", "rate limiting for our Express API", "--answers", "answers.yaml"],
      { cwd: directory(), env: env(), prompt: "›", answers: ["Sliding window"] },
    );
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toContain("(per-route-limits)");
    expect(result.output).toContain("Rolling or fixed window?");
    const text = await readFile(join(directory(), ".kiro", "specs", "rate-limiting", "requirements.md"), "utf8");
    expect(text).toContain("- **Should limits be configurable per route?** Yes, per route");
    expect(text).toContain("- **Fail open or closed when Redis is down?** Fail closed");
    expect(text).toContain("- **Rolling or fixed window?** Sliding window");
  });

  it("applies a refinement only when the user confirms it", async () => {
    await writeRateLimitingRequirements(directory(), RATE_LIMITING.requirements);
    await model.start([{ text: RATE_LIMITING.refinedRequirements }, { text: RATE_LIMITING.refinedRequirements }]);
    const file = join(directory(), ".kiro", "specs", "rate-limiting", "requirements.md");
    const args = ["refine", "rate-limiting", "requirements", "admin users are exempt"];
    const declined = await runCliOnTerminal(args, { cwd: directory(), env: env(), prompt: "[y/N]", answers: ["n"] });
    expect(declined.output).toContain("Apply to .kiro/specs/rate-limiting/requirements.md?");
    expect(declined.code).toBe(1);
    expect(await readFile(file, "utf8")).toBe(RATE_LIMITING.requirements);
    const confirmed = await runCliOnTerminal(args, { cwd: directory(), env: env(), prompt: "[y/N]", answers: ["y"] });
    expect(confirmed.code, confirmed.output).toBe(0);
    expect(await readFile(file, "utf8")).toBe(RATE_LIMITING.refinedRequirements);
  });
});
