import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { generateText, stepCountIs } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { toolkitWithEvents } from "../../helpers/agent-tools.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-malformed-");

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

function toolCallReply(toolName: string, rawInput: string, id: string): LanguageModelV3GenerateResult {
  return {
    content: [{ type: "tool-call", toolCallId: id, toolName, input: rawInput }],
    finishReason: { unified: "tool-calls", raw: "tool_calls" },
    usage,
    warnings: [],
  };
}

/** The tool results the model was sent in its last prompt, as text. */
function lastToolResults(call: LanguageModelV3CallOptions | undefined): string {
  const tool = call?.prompt.filter((message) => message.role === "tool").at(-1);
  return JSON.stringify(tool?.content ?? []);
}

describe("malformed tool arguments in a real generateText loop", () => {
  it("reach the model as tool errors and the loop goes on", async () => {
    await writeTree(temp(), { "a.txt": "hello\n" });
    const replies = [
      toolCallReply("read_file", '{"path": "a.txt"', "bad-json"),
      toolCallReply("read_file", '{"path": 42}', "bad-type"),
      toolCallReply("no_such_tool", "{}", "bad-name"),
      toolCallReply("read_file", '{"path": "a.txt"}', "good"),
      {
        content: [{ type: "text" as const, text: "done" }],
        finishReason: { unified: "stop" as const, raw: "stop" },
        usage,
        warnings: [],
      },
    ];
    const calls: LanguageModelV3CallOptions[] = [];
    const model = new MockLanguageModelV3({
      doGenerate: async (options) => {
        calls.push(options);
        const reply = replies.shift();
        if (reply === undefined) throw new Error("no scripted reply left");
        return reply;
      },
    });
    const { tools, events } = toolkitWithEvents({ root: temp() });

    const result = await generateText({ model, tools, prompt: "read a.txt", stopWhen: stepCountIs(10) });

    expect(result.text).toBe("done");
    expect(result.steps).toHaveLength(5);
    const errors = result.steps.flatMap((step) => step.content.filter((part) => part.type === "tool-error"));
    expect(errors.map((part) => part.toolCallId)).toEqual(["bad-json", "bad-type", "bad-name"]);
    expect(lastToolResults(calls[1])).toMatch(/JSON|parse/i);
    expect(lastToolResults(calls[2])).toMatch(/path/);
    expect(lastToolResults(calls[3])).toMatch(/no_such_tool/);
    expect(lastToolResults(calls[4])).toContain(JSON.stringify("1\thello"));
    // Only the valid call reached a tool.
    expect(events.filter((event) => event.type === "tool-call")).toEqual([
      { type: "tool-call", toolCallId: "good", name: "read_file", input: "a.txt" },
    ]);
  });
});
