import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { runCli } from "../helpers/run-cli.js";
import { createRunnerProject, RUNNER_TASKS, writeSubtractReply } from "../helpers/runner-project.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const TASKS = ".kiro/specs/calculator/tasks.md";
const QUESTION = "Should subtract throw or return NaN on non-numbers?";
const QUESTION_ID = "should-subtract-throw-or-return-nan";

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the agent's ask_user (end to end, fake OpenAI-compatible server)", () => {
  const directory = useTempDirectory("specwright-ask-user-");
  const model = useCliWithFakeModel(directory, "openai-compatible:fake");

  it("without a terminal pauses the task (not failed) with the question, and --answer resumes it", async () => {
    await createRunnerProject(directory());
    const server = await model.start([
      {
        toolCalls: [
          { name: "ask_user", arguments: { question: QUESTION, options: ["throw", "NaN"], default: "throw" } },
        ],
      },
    ]);
    const paused = await runCli(["run", "calculator", "--task", "1.1", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(paused.code).toBe(1);
    const events = jsonLines(paused.stdout);
    const end = events.at(-1) as { type: string; summary: { tasks: Record<string, unknown>[]; stoppedEarly: string } };
    expect(end.type).toBe("run-end");
    expect(end.summary.tasks[0]).toMatchObject({
      status: "paused",
      question: { id: QUESTION_ID, question: QUESTION, options: ["throw", "NaN"], default: "throw" },
    });
    expect(end.summary.tasks[0]).not.toHaveProperty("error");
    expect(end.summary.stoppedEarly).toContain(`--answer ${QUESTION_ID}=`);
    // No verification ran for a paused task, and it is not checked off.
    expect(events.some((event) => event.type === "verify-start" && event.round !== -1)).toBe(false);
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS);
    const status = await runCli(["status", "calculator", "--json"], { cwd: directory() });
    expect(JSON.stringify(JSON.parse(status.stdout))).toContain(`"id":"${QUESTION_ID}"`);
    const statusText = await runCli(["status", "calculator"], { cwd: directory() });
    expect(statusText.stdout).toContain(`paused: 1.1`);
    expect(statusText.stdout).toContain(`--answer ${QUESTION_ID}=<your answer>`);
    // The loop stopped at the question: no further model call was made for the paused task.
    expect(server.requests).toHaveLength(1);

    server.push({ toolCalls: [{ name: "ask_user", arguments: { question: QUESTION } }] }, writeSubtractReply(), {
      text: "Added subtract; it throws on non-numbers.",
    });
    const resumed = await runCli(
      ["run", "calculator", "--task", "1.1", "--answer", `${QUESTION_ID}=throw a TypeError`],
      { cwd: directory(), env: model.env() },
    );
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain("1.1 done, verified");
    const resumeRequests = server.requests.slice(1);
    // The answer is in the task prompt, and the repeated question is answered from --answer.
    expect(JSON.stringify(resumeRequests[0]?.body?.messages)).toContain(`${QUESTION_ID}: throw a TypeError`);
    expect(JSON.stringify(resumeRequests[1]?.body?.messages)).toContain('\\"source\\":\\"given\\"');
    expect(await readFile(join(directory(), TASKS), "utf8")).toBe(RUNNER_TASKS.replace("[ ] 1.1", "[x] 1.1"));
    const after = await runCli(["status", "calculator"], { cwd: directory() });
    expect(after.stdout).not.toContain("paused:");
  });

  it("prints the question and how to answer it in the text view", async () => {
    await createRunnerProject(directory());
    await model.start([{ toolCalls: [{ name: "ask_user", arguments: { question: QUESTION } }] }]);
    const result = await runCli(["run", "calculator", "--task", "1.1"], { cwd: directory(), env: model.env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`1.1 paused: ${QUESTION}`);
    expect(result.stdout).toContain(`specwright run calculator --answer ${QUESTION_ID}=<your answer>`);
  });

  it("refuses an --answer without an id", async () => {
    await createRunnerProject(directory());
    const result = await model.run(["run", "calculator", "--answer", "no-equals-sign", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("invalid-option");
    expect(model.server?.requests).toHaveLength(0);
  });
});
