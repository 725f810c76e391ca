import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, type FakeReply, startFakeOpenAiServer } from "../helpers/fake-openai-server.js";
import { runInTerminal } from "../helpers/pseudo-terminal.js";
import { CLI_PATH } from "../helpers/run-cli.js";
import { createRunnerProject, RUNNER_TASKS, subtractFiles } from "../helpers/runner-project.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/calculator/tasks.md";

function writeSubtract(): FakeReply {
  const files = subtractFiles();
  return {
    toolCalls: [
      { name: "write_file", arguments: { path: "src/calculator.js", content: files.module } },
      { name: "write_file", arguments: { path: "test/subtract.test.js", content: files.test } },
    ],
  };
}

describe("specwright run on a terminal (pseudo-terminal, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-run-tty-");
  let server: FakeOpenAiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const env = () => ({ SPECWRIGHT_MODEL: "openai-compatible:fake", SPECWRIGHT_BASE_URL: server?.url ?? "" });

  it("supervised: shows each file's diff; a file rejected with a message is put back and the model hears why", async () => {
    await createRunnerProject(directory(), { agent: { repairRounds: 0 } });
    const original = await readFile(join(directory(), "src/calculator.js"), "utf8");
    server = await startFakeOpenAiServer([writeSubtract(), { text: "Understood, calculator.js stays." }]);
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
    server = await startFakeOpenAiServer([writeSubtract(), { text: "Done." }]);
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
