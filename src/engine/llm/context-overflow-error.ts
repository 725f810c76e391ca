import { EngineError } from "../errors/engine-error.js";
import type { ContextOverflow } from "./context-overflow.js";

/** A prompt the model's server refused as larger than its window; carries the window when the server named it. */
export class ContextOverflowError extends EngineError {
  constructor(
    readonly overflow: ContextOverflow,
    model: string,
  ) {
    const window =
      overflow.contextTokens !== undefined
        ? ` (its window: ${overflow.contextTokens.toLocaleString("en-US")} tokens)`
        : "";
    const prompt =
      overflow.promptTokens !== undefined
        ? `; the prompt had ${overflow.promptTokens.toLocaleString("en-US")} tokens`
        : "";
    super({
      code: "model-context-overflow",
      message: `The prompt did not fit ${model}'s context${window}${prompt}: ${overflow.message}`,
      fix: 'Set "limits.contextTokens" in .kiro/settings/specwright.json to the model\'s window (llama.cpp: its --ctx-size) so Specwright sends less from the start, start the server with a larger context, or lower "limits.maxOutputTokens".',
    });
    this.name = "ContextOverflowError";
  }
}
