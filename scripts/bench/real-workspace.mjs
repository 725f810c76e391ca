// A workspace of real-sized specs: copies of the spec folders of the shared corpus of real Kiro files,
// written at bench time into a temp folder (the corpus is never copied into the repository).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { specName } from "./workspace.mjs";

const DOCUMENTS = ["requirements.md", "bugfix.md", "design.md", "tasks.md", ".config.kiro"];

/** The corpus's spec folders as `{ name: text }` maps of their documents; [] when the corpus is absent. */
function corpusSpecs(corpusDirectory) {
  const specs = [];
  let projects;
  try {
    projects = readdirSync(corpusDirectory).sort();
  } catch {
    return specs;
  }
  for (const project of projects) {
    const specsDirectory = join(corpusDirectory, project, ".kiro", "specs");
    let names;
    try {
      names = readdirSync(specsDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    } catch {
      continue;
    }
    for (const entry of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const documents = {};
      for (const document of DOCUMENTS) {
        try {
          documents[document] = readFileSync(join(specsDirectory, entry.name, document));
        } catch {
          // Not every spec has every document.
        }
      }
      if (Object.keys(documents).length > 0) specs.push(documents);
    }
  }
  return specs;
}

/**
 * Writes `count` specs, copies of the corpus's specs in turn, into a new temp folder; returns its root,
 * the bytes written, and `remove()`. `{ skipped }` when the corpus is absent.
 */
export function createRealWorkspace(corpusDirectory, count) {
  const specs = corpusSpecs(corpusDirectory);
  if (specs.length === 0) return { skipped: `no spec folders in ${corpusDirectory}` };
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), `specwright-bench-real-${count}-`));
  mkdirSync(join(root, ".kiro", "steering"), { recursive: true });
  writeFileSync(join(root, ".kiro", "steering", "product.md"), "# Product\n\nReal-sized specs for the benchmark.\n");
  let bytes = 0;
  for (let index = 1; index <= count; index++) {
    const folder = join(root, ".kiro", "specs", specName(index));
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(specs[(index - 1) % specs.length])) {
      writeFileSync(join(folder, name), content);
      bytes += content.byteLength;
    }
  }
  return {
    root,
    specs: count,
    corpusSpecs: specs.length,
    bytes,
    seconds: (performance.now() - started) / 1000,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
