import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";

type Schema<S> = S extends z.ZodType ? S : S extends z.ZodRawShape ? z.ZodObject<S> : never;

export interface ToolDefinition<Input, Output> {
  readonly title: string;
  readonly description: string;
  readonly inputSchema: Input;
  readonly outputSchema: Output;
  readonly annotations: ToolAnnotations;
}

/**
 * A tool's title, description and schemas, built once when the module loads. Every session registers the
 * tools on a server of its own, and a zod object costs kilobytes: built inline (or left as a raw shape for the
 * SDK to wrap) they cost each session ~180 KB, the bulk of an idle session's memory.
 */
export function defineTool<Input extends z.ZodRawShape | z.ZodType, Output extends z.ZodRawShape | z.ZodType>(
  definition: ToolDefinition<Input, Output>,
): ToolDefinition<Schema<Input>, Schema<Output>> {
  return {
    ...definition,
    inputSchema: asSchema(definition.inputSchema) as Schema<Input>,
    outputSchema: asSchema(definition.outputSchema) as Schema<Output>,
  };
}

function asSchema(schema: z.ZodRawShape | z.ZodType): z.ZodType {
  return schema instanceof z.ZodType ? schema : z.object(schema);
}
