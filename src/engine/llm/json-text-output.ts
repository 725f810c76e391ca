import type { OutputInterface } from "ai";

/**
 * Asks the provider for its JSON mode (`response_format: json_object` and the like) but hands back the raw
 * text: parsing, validation and the one repair round belong to generateJsonObject, not to the AI SDK.
 */
export const jsonTextOutput: OutputInterface<string, string, never> = {
  name: "json-text",
  responseFormat: Promise.resolve({ type: "json" }),
  parseCompleteOutput: async ({ text }) => text,
  parsePartialOutput: async ({ text }) => ({ partial: text }),
  createElementStreamTransform: () => undefined,
};

/** Providers whose JSON mode works without a schema; the others get the instruction in the prompt only. */
export function hasJsonMode(provider: string): boolean {
  return provider === "openai" || provider === "openai-compatible" || provider === "google";
}
