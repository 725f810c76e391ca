import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { createModelSession } from "../../../src/engine/llm/create-model-session.js";
import { createDefaultRunnerServices } from "../../../src/engine/runner/default-runner-services.js";
import { holdAnswersUntil } from "../../../src/engine/runner/hold-answers.js";
import type { RunEvent } from "../../../src/engine/runner/run-events.js";
import { runSpecTasks } from "../../../src/engine/runner/run-spec-tasks.js";
import type { RunnerServices } from "../../../src/engine/runner/runner-services.js";
import { git } from "../../helpers/git-repository.js";
import { createMockModel, type MockModel } from "../../helpers/mock-model.js";
import { createRunnerProject, subtractFiles } from "../../helpers/runner-project.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Resolves once `condition` holds; fails after `ms`, so a setup that waits for a request that never comes fails the test. */
async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("holdAnswersUntil", () => {
  it("sends the request at once and hands the answer over only when the setup is done", async () => {
    const mock = createMockModel(["Hello."]);
    const ready = deferred();
    const model = holdAnswersUntil(mock.model, ready.promise);
    if (model === undefined) throw new Error("a v3 model is wrapped");
    let settled = false;
    const answer = generateText({ model, prompt: "Hi" }).finally(() => {
      settled = true;
    });
    await until(() => mock.calls.length === 1, "the request");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    ready.resolve();
    expect((await answer).text).toBe("Hello.");
  });

  it("cancels the request and throws the setup's error when the setup fails", async () => {
    const mock = createMockModel(["Hello."]);
    const ready = deferred();
    const model = holdAnswersUntil(mock.model, ready.promise);
    if (model === undefined) throw new Error("a v3 model is wrapped");
    const answer = generateText({ model, prompt: "Hi", maxRetries: 0 });
    await until(() => mock.calls.length === 1, "the request");
    ready.reject(new Error("checkpoint failed"));
    await expect(answer).rejects.toThrow("checkpoint failed");
    expect(mock.calls[0]?.abortSignal?.aborted).toBe(true);
  });

  it("leaves a model id alone: the caller waits for the setup itself", () => {
    expect(holdAnswersUntil("openai:gpt-test", Promise.resolve())).toBeUndefined();
  });
});

/** A model that writes the subtract task's module and test, then says it is done. */
function subtractingModel(): MockModel {
  const files = subtractFiles();
  return createMockModel([
    {
      toolCalls: [
        { name: "write_file", input: { path: "src/calculator.js", content: files.module } },
        { name: "write_file", input: { path: "test/subtract.test.js", content: files.test } },
      ],
    },
    "Done.",
  ]);
}

describe("a task's setup and the model's first turn", () => {
  const directory = useTempDirectory("specwright-overlap-");

  async function run(
    mock: MockModel,
    services: RunnerServices,
    startsAfter?: Promise<{ readonly commit: string; readonly testCount: undefined } | undefined>,
  ) {
    const events: RunEvent[] = [];
    const session = await createModelSession({
      selection: { provider: "openai-compatible", modelId: "mock-model", source: "test" },
      env: {},
      languageModel: mock.model,
      streaming: false,
      limits: {},
    });
    const result = await runSpecTasks({
      cwd: directory(),
      spec: "calculator",
      taskIds: ["1.1"],
      session,
      services,
      ...(startsAfter ? { startsAfter } : {}),
      onEvent: (event) => events.push(event),
    });
    return { ...result, events };
  }

  it("overlap in autopilot: the request goes out before the checkpoint, and no tool runs before it", async () => {
    await createRunnerProject(directory());
    const mock = subtractingModel();
    const real = createDefaultRunnerServices();
    const services: RunnerServices = {
      ...real,
      // Taken only once the model was asked: without the overlap this waits in vain and the test fails.
      createCheckpoint: async (options) => {
        if (options.stage === "before") await until(() => mock.calls.length > 0, "the model's first request");
        return real.createCheckpoint(options);
      },
    };
    const { summary, events } = await run(mock, services);

    expect(summary.tasks[0]).toMatchObject({ taskId: "1.1", status: "done" });
    const types = events.map((event) => event.type);
    // The events come in the order they always did.
    const expected: RunEvent["type"][] = ["checkpoint", "baseline", "context", "tool-call", "step-end"];
    const order = expected.map((type) => types.indexOf(type));
    expect(order).toEqual([...order].sort((left, right) => left - right));
    // The before checkpoint holds none of the agent's work: the tools ran after it.
    const before = events.find((event) => event.type === "checkpoint");
    const commit = before?.type === "checkpoint" ? before.commit : "";
    const listing = await git(directory(), "ls-tree", "-r", "--name-only", commit);
    expect(listing).not.toContain("test/subtract.test.js");
    expect(await git(directory(), "show", `${commit}:src/calculator.js`)).not.toContain("subtract");
  });

  it("a setup that fails while the model is asked is the task's error, and nothing is written", async () => {
    await createRunnerProject(directory());
    const mock = createMockModel([{ toolCalls: [{ name: "write_file", input: { path: "x.txt", content: "x" } }] }]);
    const real = createDefaultRunnerServices();
    const services: RunnerServices = {
      ...real,
      createCheckpoint: async () => {
        await until(() => mock.calls.length > 0, "the model's first request");
        throw new EngineError({ code: "checkpoint-broken", message: "The checkpoint failed.", fix: "Fix git." });
      },
    };
    const { summary, events } = await run(mock, services);

    expect(summary.tasks[0]).toMatchObject({ status: "failed", error: { code: "checkpoint-broken" } });
    expect(events.some((event) => event.type === "tool-call")).toBe(false);
    expect(await git(directory(), "status", "--porcelain", "--", "x.txt")).toBe("");
  });

  it("a task that starts after its base is accepted asks the model at once and sets up only once accepted", async () => {
    await createRunnerProject(directory());
    const mock = subtractingModel();
    const real = createDefaultRunnerServices();
    let acceptedYet = false;
    const checkpointsBeforeAcceptance: string[] = [];
    const verifiedRounds: string[] = [];
    const services: RunnerServices = {
      ...real,
      createCheckpoint: async (options) => {
        if (!acceptedYet) checkpointsBeforeAcceptance.push(options.stage);
        return real.createCheckpoint(options);
      },
      verify: async (options) => {
        verifiedRounds.push(acceptedYet ? "after acceptance" : "before acceptance");
        return real.verify(options);
      },
    };
    const head = (await git(directory(), "rev-parse", "HEAD")).trim();
    const accepted = (async () => {
      await until(() => mock.calls.length > 0, "the model's first request");
      await new Promise((resolve) => setTimeout(resolve, 20));
      acceptedYet = true;
      return { commit: head, testCount: undefined };
    })();
    const { summary, events } = await run(mock, services, accepted);

    expect(summary.tasks[0]).toMatchObject({ taskId: "1.1", status: "done" });
    expect(checkpointsBeforeAcceptance).toEqual([]);
    // The accepted base's verification is the baseline: the tests ran once, for the task's own proof.
    expect(verifiedRounds).toEqual(["after acceptance"]);
    expect(events.filter((event) => event.type === "verify-start").map((event) => event.round)).toEqual([1]);
  });

  it("a task whose base is refused ends before any checkpoint, tool or test, with the refusal as its error", async () => {
    await createRunnerProject(directory());
    const mock = createMockModel([{ toolCalls: [{ name: "write_file", input: { path: "x.txt", content: "x" } }] }]);
    const real = createDefaultRunnerServices();
    const touched: string[] = [];
    const services: RunnerServices = {
      ...real,
      createCheckpoint: async (options) => {
        touched.push(`checkpoint ${options.stage}`);
        return real.createCheckpoint(options);
      },
      verify: async (options) => {
        touched.push("verify");
        return real.verify(options);
      },
    };
    const refused = (async () => {
      await until(() => mock.calls.length > 0, "the model's first request");
      throw new EngineError({ code: "wave-base-refused", message: "The base failed.", fix: "Nothing to do." });
    })();
    refused.catch(() => undefined);
    const { summary, events } = await run(mock, services, refused);

    expect(summary.tasks[0]).toMatchObject({ status: "failed", error: { code: "wave-base-refused" } });
    expect(touched).toEqual([]);
    expect(events.some((event) => event.type === "tool-call" || event.type === "checkpoint")).toBe(false);
    expect(mock.calls[0]?.abortSignal?.aborted).toBe(true);
    expect(await git(directory(), "status", "--porcelain", "--", "x.txt")).toBe("");
  });
});
