/**
 * The part of a file that configures the tests, so a change elsewhere in it (a dependency added to
 * package.json, a linter section of pyproject.toml) is not mistaken for a change to the verification.
 * Pure: content in, a canonical text out (`""` when the file configures no test).
 */
export function testConfigurationOf(path: string, content: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  switch (name) {
    case "package.json":
      return packageTestConfiguration(content);
    case "pyproject.toml":
      return tomlSections(content, /^\[tool\.(?:pytest|coverage|tox)[^\]]*\]/);
    case "Cargo.toml":
      return tomlSections(content, /^\[\[?(?:test|bench|lib)\]?\]|^\[profile\.test\]/);
    case "setup.cfg":
      return tomlSections(content, /^\[(?:tool:pytest|coverage:[^\]]*)\]/);
    case "tox.ini":
      return tomlSections(content, /^\[(?:pytest|tox|testenv[^\]]*)\]/);
    case "Makefile":
    case "makefile":
    case "GNUmakefile":
      return makeTestRules(content);
    default:
      return content;
  }
}

/** The scripts npm runs for `npm test` (`pretest`, `test`, `posttest`, anything named `test:*`) and the runners' own keys. */
function packageTestConfiguration(content: string): string {
  let manifest: unknown;
  try {
    manifest = JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch {
    // Unreadable JSON: every byte may matter to the test command.
    return content;
  }
  if (!isRecord(manifest)) return content;
  const scripts = isRecord(manifest.scripts) ? manifest.scripts : {};
  const testScripts = Object.entries(scripts)
    .filter(([key]) => /^(?:pre|post)?test(?::.*)?$/.test(key))
    .sort(([left], [right]) => (left < right ? -1 : 1));
  const runnerKeys = ["jest", "vitest", "mocha", "ava", "c8", "nyc"]
    .filter((key) => key in manifest)
    .map((key) => [key, (manifest as Record<string, unknown>)[key]]);
  if (testScripts.length === 0 && runnerKeys.length === 0) return "";
  return JSON.stringify({ scripts: Object.fromEntries(testScripts), ...Object.fromEntries(runnerKeys) });
}

/** The text of INI/TOML sections whose header matches, each from its header to the next header. */
function tomlSections(content: string, header: RegExp): string {
  const kept: string[] = [];
  let keeping = false;
  for (const line of content.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith("[")) keeping = header.test(trimmed);
    if (keeping && trimmed !== "") kept.push(trimmed);
  }
  return kept.join("\n");
}

/** A Makefile's `test` rules and their recipes. */
function makeTestRules(content: string): string {
  const kept: string[] = [];
  let keeping = false;
  for (const line of content.split(/\r?\n/)) {
    if (/^\S/.test(line)) keeping = /^(?:test|check)[\w-]*\s*:(?!=)/.test(line);
    if (keeping && line.trim() !== "") kept.push(line);
  }
  return kept.join("\n");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
