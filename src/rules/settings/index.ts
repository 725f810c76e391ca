import type { Rule } from "../rule.js";
import { mcpHeaderKey } from "./mcp-header-key.js";
import { mcpSchema } from "./mcp-schema.js";
import { specwrightSchema } from "./specwright-schema.js";

export const settingsRules: readonly Rule[] = [mcpSchema, mcpHeaderKey, specwrightSchema];
