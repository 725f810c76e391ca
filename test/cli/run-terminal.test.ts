import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { runInTerminal } from "../helpers/pseudo-terminal.js";
import { CLI_PATH } from "../helpers/run-cli.js";
import { createRunnerProject, RUNNER_TASKS, writeSubtractReply } from "../helpers/runner-project.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/calculator/tasks.md";

describe("specwright run on a terminal (pseudo-terminal, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-run-tty-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");
  const env = model.env;

  it("supervised: shows each file's diff; a file rejected with a message is put back and the model hears why", async () => {
    await createRunnerProject(directory(), { agent: { repairRounds: 0 } });
    const original = await readFile(join(directory(), "src/calculator.js"), "utf8");
    const server = await model.start([writeSubtractReply(), { text: "Understood, calculator.js stays." }]);
    const result = await runInTerminal(
      [process.execPath, CLI_PATH, "run", "calculator", "--task", "1.1", "--mode", "supervised"],
      {
        cwd: directory(),
        env: env(),
        answers: [
          { when: "reject with a [m]essage?", send: "m" },
          { when: "message for the model:", send: "keep calculator.js as it is" },
          { when: "reject with a [m]essage?", send: "a" },
        ],
      },
    );
    expect(result.output).toContain("modified src/calculator.js");
    expect(result.output).toContain("+export function subtract(left, right) {");
    expect(result.output).toContain("created test/subtract.test.js");
    expect(await readFile(join(directory(), "src/calculator.js"), "utf8")).toBe(original);
    expect(server.requests[1]?.rawBody).toContain("keep calculator.js as it is");
    // The kept test imports a function that is not there: verification fails, the task stays open.
    expect(result.code).toBe(1);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS);
  });

  it("offers to resume or reset tasks an interrupted run left behind", async () => {
    await createRunnerProject(directory());
    await writeFile(join(directory(), TASKS), RUNNER_TASKS.replace("[ ] 1.1", "[-] 1.1"));
    await model.start([writeSubtractReply(), { text: "Done." }]);
    const result = await runInTerminal([process.execPath, CLI_PATH, "run", "calculator"], {
      cwd: directory(),
      env: env(),
      answers: [{ when: "[r]esume them or re[s]et them", send: "s" }],
    });
    expect(result.output).toContain('1.1 "Add subtract to src/calculator.js with a test" (in-progress)');
    expect(result.output).toContain("1.1 done, verified");
    expect(result.code).toBe(0);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS.replace("[ ] 1.1", "[x] 1.1"));
  });
});
