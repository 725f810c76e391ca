import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../helpers/captured-output.js";
import { structuredOf } from "../helpers/mcp-client.js";
import { connectStdioProcess } from "../helpers/mcp-processes.js";
import { CLI_PATH } from "../helpers/run-cli.js";
import { SAMPLE_WORKSPACE } from "../helpers/sample-specs.js";
import { flipTasksAtOnce, independentTasks } from "../helpers/task-flips.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-stdio-");

describe("specwright mcp over stdio (the built CLI)", () => {
  it("serves the tools to an SDK client; logs go to stderr", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await connectStdioProcess(temp());
    try {
      const list = await server.call("list_specs");
      expect(structuredOf(list)).toMatchObject({ specs: [{ name: "double-save" }, { name: "rate-limiting" }] });
      const update = await server.call("set_task_status", { spec: "rate-limiting", taskId: "2.1", status: "done" });
      expect(update.structuredContent).toMatchObject({ before: "todo", after: "done", changed: true });
      expect(await readFile(join(temp(), ".kiro/specs/rate-limiting/tasks.md"), "utf8")).toContain("- [x] 2.1");
      const unknown = await server.call("next_task", { spec: "rate-limit" });
      expect(unknown.isError).toBe(true);
      expect(server.stderr()).toContain("serving on stdio");
      expect(server.errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("notifies a subscribed client when a document changes on disk", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const server = await connectStdioProcess(temp());
    try {
      const uri = "specwright://specs/rate-limiting/design.md";
      const updated = new Promise<string>((resolve) => {
        server.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) =>
          resolve(notification.params.uri),
        );
      });
      await server.client.subscribeResource({ uri });
      // Another writer (an editor, the CLI): the server hears it through its watcher.
      await writeFile(join(temp(), ".kiro/specs/rate-limiting/design.md"), "# Design Document\n\n## Overview\n");
      expect(await updated).toBe(uri);
      const read = await server.client.readResource({ uri });
      expect(read.contents[0]).toMatchObject({ text: "# Design Document\n\n## Overview\n" });
    } finally {
      await server.close();
    }
  });

  it("writes nothing but JSON-RPC messages to stdout, and exits when stdin ends", async () => {
    await writeTree(temp(), SAMPLE_WORKSPACE);
    const child = spawn(process.execPath, [CLI_PATH, "mcp"], { cwd: temp(), stdio: ["pipe", "pipe", "pipe"] });
    const output = captureOutput(child);
    let ended = false;
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => {
        ended = true;
        resolve(code);
      }),
    );
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_specs", arguments: {} } });
    send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "get_spec", arguments: { spec: "nope" } } });
    // Wait for both answers (or an early exit, reported below), then end stdin: the server must exit by itself.
    // The two tool calls are handled at once, so either may answer first.
    const answered = () => output.stdout().includes('"id":2') && output.stdout().includes('"id":3');
    await new Promise<void>((resolve) => {
      const check = () => (ended || answered() ? resolve() : setTimeout(check, 20));
      check();
    });
    child.stdin.end();
    const code = await exited;
    const stderr = output.stderr();
    expect({ code, stderr: stderr.includes("error") ? stderr : "" }).toEqual({ code: 0, stderr: "" });
    const lines = output
      .stdout()
      .split("\n")
      .filter((line) => line !== "");
    expect(lines.length).toBe(3);
    const messages = lines.map((line) => JSON.parse(line) as { id?: number });
    for (const message of messages) expect(message).toMatchObject({ jsonrpc: "2.0" });
    expect(messages.map((message) => message.id).sort()).toEqual([1, 2, 3]);
    expect(messages.find((message) => message.id === 3)).toMatchObject({ result: { isError: true } });
  });

  it("two server processes flipping tasks at once lose no update", async () => {
    const count = 16;
    await writeTree(temp(), { ...SAMPLE_WORKSPACE, ".kiro/specs/rate-limiting/tasks.md": independentTasks(count) });
    const [first, second] = await Promise.all([connectStdioProcess(temp()), connectStdioProcess(temp())]);
    try {
      const { results } = await flipTasksAtOnce(first, second, count);
      expect(results.filter((result) => result.isError)).toEqual([]);
      expect(await readFile(join(temp(), ".kiro/specs/rate-limiting/tasks.md"), "utf8")).toBe(
        independentTasks(count).replaceAll("- [ ]", "- [x]"),
      );
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
