import { applyTextEdits, type TextEdit } from "../source/text-edit.js";

/** Why an edit was refused, with what the user can do about it. */
export interface EditRefusal {
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  /** Nearby valid values (task ids, spec names) for "did you mean". */
  readonly candidates?: readonly string[];
}

export type EditResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly refusal: EditRefusal };

export function editApplied(text: string, edits: readonly TextEdit[]): EditResult {
  const next = applyTextEdits(text, edits);
  return { ok: true, text: next, changed: next !== text, edits };
}

export function editRefused(refusal: EditRefusal): EditResult {
  return { ok: false, refusal };
}
