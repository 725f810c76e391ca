import { ALWAYS_INCLUDED_FRONT_MATTER } from "../../model/templates/steering-front-matter.js";
import { extractMarkdownDocument } from "../authoring/extract-markdown-document.js";

/**
 * The steering file from a model's answer: the document (reasoning, wrapping fences and chatter dropped)
 * under Kiro's `inclusion: always` front matter, which Specwright writes itself rather than trusting the
 * model with. Undefined when the answer holds no `# ` titled document.
 */
export function finishSteeringDocument(answer: string): string | undefined {
  const document = extractMarkdownDocument(answer);
  if (document === undefined) return undefined;
  return `${ALWAYS_INCLUDED_FRONT_MATTER}\n${document}`;
}
