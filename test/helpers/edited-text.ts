import type { EditResult } from "../../src/model/edit/edit-result.js";

/** The text an edit produced; a refusal fails the test with the refusal's message. */
export function editedText(result: EditResult): string {
  if (!result.ok) throw new Error(result.refusal.message);
  return result.text;
}
