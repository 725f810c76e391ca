import type { z } from "zod";
import { EngineError } from "../errors/engine-error.js";
import type { ModelCall, ModelSession } from "./model-session.js";
import { parseJsonReply } from "./parse-json-reply.js";

const JSON_INSTRUCTION = "Answer with one JSON object only: no prose before or after it, no markdown code fence.";

/**
 * Asks for a JSON object and returns it validated. JSON mode where the provider has one, the instruction
 * in the prompt everywhere; an answer that does not parse or validate gets ONE repair call that quotes the
 * problem, then the call fails with `invalid-model-json`.
 */
export async function generateJsonObject<Schema extends z.ZodType>(
  session: ModelSession,
  call: ModelCall,
  schema: Schema,
): Promise<z.output<Schema>> {
  const system = call.system.includes(JSON_INSTRUCTION) ? call.system : `${call.system}\n\n${JSON_INSTRUCTION}`;
  const first = await session.generate({ ...call, system, json: true });
  const firstParse = parseJsonReply(first.text, schema);
  if (firstParse.ok) return firstParse.value;
  const repair = await session.generate({
    ...call,
    purpose: `repair ${call.purpose}`,
    system,
    json: true,
    messages: [
      ...call.messages,
      { role: "assistant", content: first.text },
      {
        role: "user",
        content: `${firstParse.problem}\n\nReply again with the corrected JSON object only.`,
      },
    ],
  });
  const repaired = parseJsonReply(repair.text, schema);
  if (repaired.ok) return repaired.value;
  throw new EngineError({
    code: "invalid-model-json",
    message: `The model did not return the JSON asked for (${call.purpose}), even after one repair: ${repaired.problem}`,
    fix: "Run again, or choose a model that follows JSON instructions better (--model); small local models often need a larger variant.",
  });
}
