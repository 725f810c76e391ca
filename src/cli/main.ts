#!/usr/bin/env node
import { readFileSync } from "node:fs";

/** The package version, read once; the CLI answers `--version` without loading anything else. */
function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return typeof manifest === "object" && manifest !== null && "version" in manifest
    ? String(manifest.version)
    : "0.0.0";
}

// Output piped into a reader that stops early (`specwright new --help | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * `check` or `status` when that is the command given (the first word): they run from a file of their own,
 * without the rest of the CLI. Decided here, without an import: an imported helper would be one more module
 * for `--version` to load.
 */
function soleCommand(argv: readonly string[]): "check" | "status" | undefined {
  const first = argv[2];
  return first === "check" || first === "status" ? first : undefined;
}

const argumentsGiven = process.argv.slice(2);
if (argumentsGiven.length === 1 && (argumentsGiven[0] === "--version" || argumentsGiven[0] === "-V")) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const sole = soleCommand(process.argv);
  if (sole !== undefined) {
    const { runSoleCommand } = await import("./sole-command-program.js");
    await runSoleCommand(process.argv, sole, packageVersion());
  } else {
    const { runProgram } = await import("./program.js");
    await runProgram(process.argv, packageVersion());
  }
}
