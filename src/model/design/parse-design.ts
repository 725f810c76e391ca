import type { MarkdownDocumentBase } from "../document/kiro-document.js";
import { scanMarkdown } from "../markdown/scan-markdown.js";
import type { Diagnostic } from "../source/diagnostic.js";
import { splitSourceText } from "../source/source-text.js";
import { type CorrectnessProperty, findCorrectnessProperties } from "./correctness-properties.js";
import { type DesignSection, findDesignSections } from "./design-sections.js";
import { scanDesignStructure } from "./fence-problems.js";
import { findMermaidBlocks, type MermaidBlock } from "./mermaid-blocks.js";

/** A parsed `design.md`: its sections, diagrams and correctness properties. */
export interface DesignDocument extends MarkdownDocumentBase {
  readonly kind: "design";
  readonly sections: readonly DesignSection[];
  readonly mermaidBlocks: readonly MermaidBlock[];
  readonly properties: readonly CorrectnessProperty[];
}

export function parseDesign(text: string): DesignDocument {
  const source = splitSourceText(text);
  const lines = scanMarkdown(source, { frontMatter: true });
  const diagnostics: Diagnostic[] = [];
  const mermaidBlocks = findMermaidBlocks(source, lines, diagnostics);
  const structure = mermaidBlocks.some((block) => !block.closed)
    ? lines
    : scanDesignStructure(source, lines, diagnostics);
  return {
    kind: "design",
    source,
    sections: findDesignSections(structure),
    mermaidBlocks,
    properties: findCorrectnessProperties(structure),
    diagnostics,
  };
}
