import { join } from "node:path";
import { renderInventory } from "../../model/inventory/render-inventory.js";
import type { RepositoryInventory } from "../../model/inventory/repository-inventory.js";
import type { RepositoryFacts } from "../../model/templates/repository-facts.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { buildRepositoryInventory } from "../inventory/build-repository-inventory.js";
import { buildRepositoryMap } from "../inventory/build-repository-map.js";
import { gatherRepositoryFacts } from "../repository-facts/repository-facts.js";

/** The repository as the steering prompts see it: every part already cut to its share of the context. */
export interface RepositoryAnalysis {
  readonly facts: RepositoryFacts;
  readonly inventory: RepositoryInventory;
  /** `renderInventory` within `maxInventoryChars`. */
  readonly inventoryText: string;
  /** `buildRepositoryMap` within `maxMapChars`. */
  readonly mapText: string;
  /** The README, cut to `maxReadmeChars`; absent when the repository has none. */
  readonly readme?: { readonly file: string; readonly text: string; readonly cut: boolean };
  /** Manifests at the root (package.json, pyproject.toml, …), each cut to `maxManifestChars`. */
  readonly manifests: readonly { readonly file: string; readonly text: string }[];
  /** Which parts were cut to fit, for the report. */
  readonly cuts: readonly string[];
}

export interface RepositoryAnalysisLimits {
  readonly maxReadmeChars: number;
  readonly maxInventoryChars: number;
  readonly maxMapChars: number;
  readonly maxManifestChars: number;
}

export const DEFAULT_ANALYSIS_LIMITS: RepositoryAnalysisLimits = {
  maxReadmeChars: 12_000,
  maxInventoryChars: 16_000,
  maxMapChars: 8_000,
  maxManifestChars: 4_000,
};

const README_NAMES = ["README.md", "README.markdown", "README.rst", "README.txt", "README", "readme.md", "Readme.md"];
const MANIFEST_NAMES = [
  "package.json",
  "pyproject.toml",
  "Cargo.toml",
  "go.mod",
  "pom.xml",
  "build.gradle.kts",
  "build.gradle",
  "Gemfile",
  "composer.json",
];

/** Reads what the steering files are written from: facts, inventory, map, README and manifests. */
export async function analyzeRepository(
  root: string,
  limits: RepositoryAnalysisLimits = DEFAULT_ANALYSIS_LIMITS,
): Promise<RepositoryAnalysis> {
  const cuts: string[] = [];
  const facts = await gatherRepositoryFacts(root);
  const inventory = await buildRepositoryInventory({ root });
  const inventoryRendering = renderInventory(inventory, { maxChars: limits.maxInventoryChars });
  if (inventoryRendering.cut) cuts.push(`inventory cut to ${limits.maxInventoryChars} characters`);
  const map = await buildRepositoryMap({ root, maxChars: limits.maxMapChars });
  if (map.cut) cuts.push(`repository map cut to ${limits.maxMapChars} characters`);
  const readme = await readFirst(root, README_NAMES, limits.maxReadmeChars);
  if (readme?.cut) cuts.push(`${readme.file} cut to ${limits.maxReadmeChars} characters`);
  const manifests: { file: string; text: string }[] = [];
  for (const name of MANIFEST_NAMES) {
    const manifest = await readFirst(root, [name], limits.maxManifestChars);
    if (manifest === undefined) continue;
    manifests.push({ file: manifest.file, text: manifest.text });
    if (manifest.cut) cuts.push(`${manifest.file} cut to ${limits.maxManifestChars} characters`);
  }
  return {
    facts,
    inventory,
    inventoryText: inventoryRendering.text,
    mapText: map.text,
    ...(readme !== undefined ? { readme } : {}),
    manifests,
    cuts,
  };
}

async function readFirst(
  root: string,
  names: readonly string[],
  maxChars: number,
): Promise<{ file: string; text: string; cut: boolean } | undefined> {
  for (const name of names) {
    const path = join(root, name);
    if (!(await pathExists(path))) continue;
    try {
      const text = await readTextFile(path, { maxBytes: 8 * 1024 * 1024 });
      const cut = text.length > maxChars;
      return { file: name, text: cut ? `${text.slice(0, maxChars)}\n[… cut]` : text, cut };
    } catch {
      // A binary or unreadable README tells the model nothing; try the next name.
    }
  }
  return undefined;
}
