import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git } from "../helpers/git-repository.js";
import { createShopRepository, editShopDocument, SHOP_SPEC } from "../helpers/living-spec.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { createTempDirectory, removeTempDirectory, useTempDirectory } from "../helpers/temp-dir.js";

const directory = useTempDirectory();

// The hooks git starts run `check`: its cache goes to this test run's folder, never the user's.
process.env.SPECWRIGHT_CACHE_DIR = join(tmpdir(), `specwright-test-cache-${process.pid}`);

const USER_HOOK = '#!/bin/sh\necho "user hook ran" >> user-hook.log\n';

/** git commit as a user runs it, hooks included; resolves with the exit code and what the hooks said. */
async function commit(message: string): Promise<{ code: number; stderr: string }> {
  await git(directory(), "add", "--all");
  try {
    await git(directory(), "commit", "--quiet", "--message", message);
    return { code: 0, stderr: "" };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { code: failure.code ?? 1, stderr: failure.stderr ?? "" };
  }
}

/** Like {@link commit}, but keeps the hooks' output on success too (git prints it to stderr). */
async function commitWithOutput(message: string): Promise<{ code: number; stderr: string }> {
  const { execFile } = await import("node:child_process");
  await git(directory(), "add", "--all");
  return new Promise((resolve) => {
    execFile("git", ["commit", "--quiet", "--message", message], { cwd: directory() }, (error, _stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

describe("specwright git-hooks", () => {
  it("chains an existing pre-commit hook, checks the specs the commit touches, warns on design without tasks, uninstalls exactly", async () => {
    await createShopRepository(directory());
    await commit("approvals");
    const hookPath = join(directory(), ".git/hooks/pre-commit");
    await writeFile(hookPath, USER_HOOK);
    await chmod(hookPath, 0o755);
    const installed = jsonOf(await runCli(["git-hooks", "install", "--pre-commit", "--json"], { cwd: directory() }));
    expect(installed).toMatchObject({
      ok: true,
      hooks: [
        {
          hook: "pre-commit",
          action: "installed",
          chained: join(directory(), ".git/hooks/pre-commit.specwright-chained"),
        },
      ],
    });

    await editShopDocument(directory(), "design.md", (text) =>
      text.replace("keeps the total", "keeps the total in cents"),
    );
    await writeFile(join(directory(), "user-hook.log"), "");
    const warned = await commitWithOutput("Design: cents");
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain("specwright: checking checkout");
    expect(warned.stderr).toContain("checkout: design.md changed since its approval but tasks.md did not");
    expect(await readFile(join(directory(), "user-hook.log"), "utf8")).toContain("user hook ran");

    await editShopDocument(directory(), "tasks.md", (text) =>
      text.replace("_Requirements: 2.1_", "_Requirements: 9.9_"),
    );
    const stopped = await commit("Bad reference");
    expect(stopped.code).not.toBe(0);
    expect(stopped.stderr).toContain("commit stopped");
    await git(directory(), "reset", "--quiet");

    // A commit that touches no spec runs no check at all.
    await git(directory(), "checkout", "--quiet", "--", SHOP_SPEC);
    await writeFile(join(directory(), "README.md"), "# Shop\n");
    const plain = await commitWithOutput("Readme");
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain("specwright");

    const removed = jsonOf(await runCli(["git-hooks", "uninstall", "--json"], { cwd: directory() }));
    expect(removed).toMatchObject({
      hooks: [
        { hook: "pre-commit", action: "removed" },
        { hook: "pre-push", action: "not-installed" },
      ],
    });
    expect(await readFile(hookPath, "utf8")).toBe(USER_HOOK);
    expect((await stat(hookPath)).mode & 0o111).not.toBe(0);
    await expect(stat(`${hookPath}.specwright-chained`)).rejects.toThrow();
  });

  it("installs where core.hooksPath points, and the pre-push hook reports drift against the upstream", async () => {
    await createShopRepository(directory());
    await commit("approvals");
    await git(directory(), "config", "core.hooksPath", ".githooks");
    const remote = await createTempDirectory();
    try {
      await git(remote, "init", "--quiet", "--bare");
      await git(directory(), "remote", "add", "origin", remote);
      await git(directory(), "push", "--quiet", "--set-upstream", "origin", "main");
      // The user's own pre-push hook, which reads the refs git sends: it must get them exactly.
      await mkdir(join(directory(), ".githooks"), { recursive: true });
      await writeFile(
        join(directory(), ".githooks/pre-push"),
        '#!/bin/sh\ncat > "$(dirname "$0")/../pushed-refs.log"\n',
      );
      await chmod(join(directory(), ".githooks/pre-push"), 0o755);
      await writeFile(join(directory(), ".gitignore"), "node_modules/\npushed-refs.log\n");
      const result = await runCli(["git-hooks", "install"], { cwd: directory() });
      expect(result.stdout).toContain(`pre-push: installed ${join(directory(), ".githooks/pre-push")}`);
      await expect(stat(join(directory(), ".git/hooks/pre-push"))).rejects.toThrow();

      await mkdir(join(directory(), "src"), { recursive: true });
      await writeFile(join(directory(), "src/shipping.js"), "export const shipping = () => 9;\n");
      await commit("Shipping 9");
      const { execFile } = await import("node:child_process");
      const pushed = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile("git", ["push", "--quiet"], { cwd: directory() }, (error, _stdout, stderr) =>
          resolve({ code: error ? 1 : 0, stderr }),
        );
      });
      expect(pushed.code).toBe(0);
      expect(pushed.stderr).toContain("drift checkout task 2: src/shipping.js changed since it was verified");
      expect(pushed.stderr).toContain("no spec change checkout: src/shipping.js changed");
      expect(await readFile(join(directory(), "pushed-refs.log"), "utf8")).toMatch(
        /^refs\/heads\/main [0-9a-f]{40} refs\/heads\/main [0-9a-f]{40}\n$/,
      );
    } finally {
      await removeTempDirectory(remote);
    }
  });
});
