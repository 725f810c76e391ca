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

const argumentsGiven = process.argv.slice(2);
if (argumentsGiven.length === 1 && (argumentsGiven[0] === "--version" || argumentsGiven[0] === "-V")) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { runProgram } = await import("./program.js");
  await runProgram(process.argv, packageVersion());
}
