import type { Clarification, ClarifyingQuestion } from "./clarifying-question.js";
import type { ContextReport } from "./context-report.js";
import type { SpecDocumentKind } from "./spec-document-kind.js";

/** What an authoring workflow reports while it runs; the surface renders these (progress on stderr). */
export type AuthoringEvent =
  | { readonly type: "context"; readonly report: ContextReport }
  | { readonly type: "questions"; readonly questions: readonly ClarifyingQuestion[] }
  | { readonly type: "answers"; readonly clarifications: readonly Clarification[] }
  /** No questions asked: `--no-questions`, or (unattended) a model that could not produce their JSON. */
  | { readonly type: "questions-skipped"; readonly reason: "not asked for" | "failed"; readonly message?: string }
  | {
      readonly type: "generate";
      readonly document: SpecDocumentKind;
      /** Whether the document is written anew or an existing one revised (refine). */
      readonly action: "write" | "revise";
      readonly round: number;
    }
  | {
      readonly type: "findings";
      readonly document: SpecDocumentKind;
      readonly round: number;
      /** The findings sent back to the model (or left, after the last round). */
      readonly count: number;
    };

export type AuthoringEventListener = (event: AuthoringEvent) => void;
