/**
 * The pure model: parsers from text to typed documents and surgical edits back. No file system, no
 * console: it runs in Node and in a browser alike.
 */
export * from "./bugfix/index.js";
export * from "./design/index.js";
export { type MarkdownDocumentBase, serializeDocument } from "./document/kiro-document.js";
export * from "./ears/index.js";
export type { EditRefusal, EditResult } from "./edit/edit-result.js";
export * from "./hooks/index.js";
export * from "./json/index.js";
export { replaceSectionBody } from "./markdown/replace-section-body.js";
export { findSections, type MarkdownLine, type MarkdownSection, scanMarkdown } from "./markdown/scan-markdown.js";
export { parseReferenceList, type ReferenceList } from "./references/parse-references.js";
export * from "./requirements/index.js";
export * from "./settings/index.js";
export {
  parseSpecwrightSettings,
  type SpecwrightSettings,
  type SpecwrightSettingsDocument,
  SpecwrightSettingsSchema,
} from "./settings/specwright-settings.js";
export type { Diagnostic, Severity } from "./source/diagnostic.js";
export type { SourceLocation } from "./source/source-location.js";
export { type SourceLine, type SourceText, splitSourceText } from "./source/source-text.js";
export { applyTextEdits, type TextEdit } from "./source/text-edit.js";
export * from "./steering/index.js";
export {
  addTaskReference,
  appendTask,
  type NewTask,
  removeTaskReference,
  setTaskOptional,
  setTaskStatus,
} from "./tasks/edit-tasks.js";
export { parseTasks } from "./tasks/parse-tasks.js";
export * from "./tasks/task-types.js";
export { findTask, flattenTasks } from "./tasks/walk-tasks.js";
