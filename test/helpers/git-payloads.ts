import { appendFile, chmod, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A shell line that leaves proof it ran (with its environment) in `leaked-<name>` at the repository's root. */
function payload(root: string, name: string): string {
  return `env > '${join(root, `leaked-${name}`)}'`;
}

/**
 * Plants what an agent would leave to make Specwright run its code: filters (one named `a=b`, which a
 * `-c key=value` override would split wrongly) selected by `.gitattributes`, a diff textconv, an fsmonitor
 * hook and the hooks git runs on commits, checkouts, index changes and ref updates.
 */
export async function plantGitPayloads(root: string): Promise<void> {
  const script = join(root, ".git", "payload.sh");
  await writeFile(script, `#!/bin/sh\n${payload(root, "fsmonitor")}\n`);
  await chmod(script, 0o755);
  await appendFile(
    join(root, ".git", "config"),
    [
      '[filter "x"]',
      `\tclean = sh -c "${payload(root, "clean")}; cat"`,
      `\tsmudge = sh -c "${payload(root, "smudge")}; cat"`,
      "\trequired = true",
      '[filter "a=b"]',
      `\tclean = sh -c "${payload(root, "clean-a-b")}; cat"`,
      '[diff "x"]',
      `\ttextconv = sh -c "${payload(root, "textconv")}; cat"`,
      "[core]",
      `\tfsmonitor = ${script}`,
      "[diff]",
      `\texternal = sh -c "${payload(root, "external-diff")}"`,
      "",
    ].join("\n"),
  );
  await writeFile(join(root, ".gitattributes"), "* filter=x diff=x\n*.md filter=a=b\n");
  for (const hook of ["pre-commit", "post-commit", "post-checkout", "post-index-change", "reference-transaction"]) {
    const path = join(root, ".git", "hooks", hook);
    await writeFile(path, `#!/bin/sh\n${payload(root, `hook-${hook}`)}\n`);
    await chmod(path, 0o755);
  }
}

/** The `leaked-*` files a payload that ran left behind. */
export async function leakedFiles(root: string): Promise<string[]> {
  return (await readdir(root)).filter((name) => name.startsWith("leaked-"));
}
