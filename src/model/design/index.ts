export { type CorrectnessProperty, findCorrectnessProperties } from "./correctness-properties.js";
export { type DesignSection, findDesignSections, KIRO_DESIGN_SECTIONS } from "./design-sections.js";
export { type FenceProblem, findFenceProblem, scanDesignStructure } from "./fence-problems.js";
export { findMermaidBlocks, type MermaidBlock } from "./mermaid-blocks.js";
export { type DesignDocument, parseDesign } from "./parse-design.js";
export { matchPropertyLine, type PropertyLine } from "./property-line.js";
export { matchInlineReferences, matchValidatesLine, type ValidatesMatch } from "./validates-line.js";
