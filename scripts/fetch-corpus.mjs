#!/usr/bin/env node
// Fetches the public corpus of real `.kiro/` files that `npm run test:corpus` reads, file by file from the
// repositories and commits its MANIFEST.tsv names (columns: repo, commit, path, bytes, sha256), checking each
// file's size and SHA-256. Needs a network; the tests never run it.
//   node scripts/fetch-corpus.mjs <MANIFEST.tsv> [target folder]
// The target defaults to SPECWRIGHT_CORPUS, then ../shared/corpus/kiro/ beside the repository. Files already
// there with the right hash are kept, so the script can be run again after an interruption.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [manifestPath, targetArgument] = process.argv.slice(2);
if (manifestPath === undefined) {
  console.error("usage: node scripts/fetch-corpus.mjs <MANIFEST.tsv> [target folder]");
  process.exit(2);
}
const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = resolve(
  targetArgument ?? process.env.SPECWRIGHT_CORPUS ?? join(repository, "..", "shared", "corpus", "kiro"),
);
const [header, ...rows] = (await readFile(manifestPath, "utf8")).trim().split("\n");
if (header !== "repo\tcommit\tpath\tbytes\tsha256") {
  console.error(`${manifestPath}: not a corpus manifest (expected the columns repo, commit, path, bytes, sha256).`);
  process.exit(2);
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
let fetched = 0;
let kept = 0;
const failed = [];
for (const row of rows) {
  const [repo, commit, path, bytes, hash] = row.split("\t");
  // The corpus folder of `owner/name` is `owner__name`, as in the shared corpus.
  const destination = join(target, repo.replace("/", "__"), ...path.split("/"));
  const existing = await readFile(destination).catch(() => undefined);
  if (existing !== undefined && sha256(existing) === hash) {
    kept++;
    continue;
  }
  const url = `https://raw.githubusercontent.com/${repo}/${commit}/${path.split("/").map(encodeURIComponent).join("/")}`;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const content = Buffer.from(await response.arrayBuffer());
    if (content.length !== Number(bytes) || sha256(content) !== hash) throw new Error("size or SHA-256 differs");
    await mkdir(dirname(destination), { recursive: true });
    await writeFile(destination, content);
    fetched++;
  } catch (error) {
    failed.push(`${repo}@${commit.slice(0, 7)} ${path}: ${error instanceof Error ? error.message : error}`);
  }
}
await mkdir(target, { recursive: true });
if (resolve(manifestPath) !== join(target, "MANIFEST.tsv")) await copyFile(manifestPath, join(target, "MANIFEST.tsv"));
console.log(`${target}: ${fetched} fetched, ${kept} already there, ${failed.length} failed.`);
for (const line of failed) console.log(`  ${line}`);
process.exit(failed.length === 0 ? 0 : 1);
