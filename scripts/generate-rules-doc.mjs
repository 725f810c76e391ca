// Writes docs/rules.md from the built rules (`npm run docs`); a test fails when the page is out of date.
import { writeFileSync } from "node:fs";

const { ALL_RULES } = await import("../dist/rules/all-rules.js");
const { renderRulesDoc } = await import("../dist/rules/render-rules-doc.js");
writeFileSync(new URL("../docs/rules.md", import.meta.url), renderRulesDoc(ALL_RULES));
console.log(`docs/rules.md: ${ALL_RULES.length} rules`);
