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
  const properties = findCorrectnessProperties(structure);
  reportDuplicateProperties(properties, diagnostics);
  return {
    kind: "design",
    source,
    sections: findDesignSections(structure),
    mermaidBlocks,
    properties,
    diagnostics,
  };
}

/** `Property 3` defined twice (often with two titles): references and `**Property 3: …**` tasks are ambiguous. */
function reportDuplicateProperties(properties: readonly CorrectnessProperty[], diagnostics: Diagnostic[]): void {
  const first = new Map<string, CorrectnessProperty>();
  for (const property of properties) {
    const earlier = first.get(property.number);
    if (!earlier) {
      first.set(property.number, property);
      continue;
    }
    const titles = earlier.title === property.title ? "" : ` as "${earlier.title}", here as "${property.title}"`;
    diagnostics.push({
      code: "design/duplicate-property",
      severity: "warning",
      message: `Property ${property.number} is defined twice (first on line ${earlier.titleLocation.line}${titles}), so references to it are ambiguous.`,
      fix: "Number the correctness properties 1, 2, 3, … without repeats, or remove the second definition.",
      location: property.titleLocation,
    });
  }
}
