// OpenSpec, the reference point of the cold-check comparison: installed at bench time into a temp folder
// (never a dependency of Specwright), and a workspace of OpenSpec specs equivalent to the generated Kiro ones.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { specName, TOPICS } from "./workspace.mjs";

export const OPENSPEC_PACKAGE = "@fission-ai/openspec";
export const OPENSPEC_VERSION = "1.13.2";

/** OpenSpec's environment: no telemetry, no update check, its config in the bench folder. */
export function openSpecEnvironment(home) {
  return { ...process.env, OPENSPEC_TELEMETRY: "0", DO_NOT_TRACK: "1", CI: "1", XDG_CONFIG_HOME: home };
}

/**
 * Installs OpenSpec (with npm, from the registry) into `<tmpdir>/specwright-bench-openspec-<version>`, once;
 * returns the path of its bin script, or `{ error }` when npm cannot install it (offline).
 */
export function ensureOpenSpec() {
  const folder = join(tmpdir(), `specwright-bench-openspec-${OPENSPEC_VERSION}`);
  const bin = join(folder, "node_modules", "@fission-ai", "openspec", "bin", "openspec.js");
  if (existsSync(bin)) return { bin, folder, installed: false };
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "package.json"), '{ "private": true }\n');
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(
    npm,
    ["install", "--no-audit", "--no-fund", "--no-save", `${OPENSPEC_PACKAGE}@${OPENSPEC_VERSION}`],
    { cwd: folder, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  if (result.status !== 0 || !existsSync(bin)) {
    return {
      error: `npm install ${OPENSPEC_PACKAGE}@${OPENSPEC_VERSION} failed: ${(result.stderr ?? "").trim().split("\n").at(-1)}`,
    };
  }
  return { bin, folder, installed: true };
}

/** One OpenSpec spec with the same ten requirements, each with two WHEN/THEN scenarios. */
function openSpecText(index) {
  const lines = [
    `# ${specName(index)} Specification`,
    "",
    "## Purpose",
    "",
    `Service ${index} needs rate limiting so that one client cannot starve the others. This document states what the Rate_Limiter must do.`,
    "",
    "## Requirements",
    "",
  ];
  for (const [title, want, soThat, does] of TOPICS) {
    lines.push(
      `### Requirement: ${title}`,
      "",
      `The Rate_Limiter SHALL provide ${want}, so that ${soThat}; it ${does}.`,
      "",
      `#### Scenario: ${title} on arrival`,
      "",
      "- **WHEN** a request arrives",
      "- **THEN** the Rate_Limiter SHALL count it",
      "",
      `#### Scenario: ${title} over the limit`,
      "",
      "- **WHEN** the limit is exceeded",
      "- **THEN** the Rate_Limiter SHALL reject the request",
      "",
    );
  }
  return lines.join("\n");
}

const MARKER = ".bench-openspec.json";

/** `<benchDirectory>/openspec-<count>` with `openspec/specs/<name>/spec.md` for each of `count` specs. */
export function ensureOpenSpecWorkspace(benchDirectory, count) {
  const root = join(benchDirectory, `openspec-${count}`);
  try {
    if (JSON.parse(readFileSync(join(root, MARKER), "utf8")).specs === count) return { root, generated: false };
  } catch {
    // Absent or stale: build it.
  }
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  for (let index = 1; index <= count; index++) {
    const folder = join(building, "openspec", "specs", specName(index));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "spec.md"), openSpecText(index));
  }
  writeFileSync(join(building, MARKER), JSON.stringify({ specs: count }));
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  return { root, generated: true };
}
