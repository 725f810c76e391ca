import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git } from "../helpers/git-repository.js";
import { createShopRepository, editShopDocument, SHOP_SPEC } from "../helpers/living-spec.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const directory = useTempDirectory();

async function commitAll(message: string): Promise<string> {
  await git(directory(), "add", "--all");
  await git(directory(), "commit", "--quiet", "--message", message);
  return (await git(directory(), "rev-parse", "HEAD")).trim();
}

describe("specwright drift", () => {
  it("no drift right after the tasks' work is committed", async () => {
    await createShopRepository(directory());
    const result = await runCli(["drift"], { cwd: directory() });
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("No drift in spec checkout");
  });

  it("a commit editing a done task's file is drift, with the commit; JSON and SARIF say the same", async () => {
    await createShopRepository(directory());
    await writeFile(join(directory(), "src/shipping.js"), "export const shipping = () => 6;\n");
    const commit = await commitAll("Shipping costs 6");
    const text = await runCli(["drift", "checkout"], { cwd: directory() });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("drift checkout task 2 (Shipping cost in src/shipping.js)");
    expect(text.stdout).toContain(`${commit.slice(0, 12)} Shipping costs 6 (Test User,`);
    const document = jsonOf(await runCli(["drift", "--json"], { cwd: directory() }));
    expect(document).toMatchObject({
      ok: false,
      tasks: [
        {
          spec: "checkout",
          taskId: "2",
          files: [{ path: "src/shipping.js", commits: [{ commit, subject: "Shipping costs 6" }] }],
        },
      ],
      unspecified: [],
    });
    const sarif = jsonOf(await runCli(["drift", "--format", "sarif"], { cwd: directory() })) as {
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    expect(sarif.runs[0]?.results).toMatchObject([
      {
        ruleId: "drift/code-changed-after-done",
        locations: [{ physicalLocation: { artifactLocation: { uri: "src/shipping.js" } } }],
      },
    ]);
  });

  it("--base in a pull-request-like branch: code a spec owns changed without a spec change, then with one", async () => {
    await createShopRepository(directory());
    await git(directory(), "checkout", "--quiet", "-b", "feature");
    await writeFile(join(directory(), "src/cart.js"), "export let total = 1;\n");
    await writeFile(join(directory(), "src/unrelated.js"), "export {};\n");
    await commitAll("Cart starts at 1");
    const without = jsonOf(await runCli(["drift", "--base", "main", "--json"], { cwd: directory() }));
    expect(without).toMatchObject({
      ok: false,
      base: { ref: "main" },
      unspecified: [{ spec: "checkout", files: ["src/cart.js"], ownedBy: ["tasks"] }],
    });
    await editShopDocument(directory(), "design.md", (text) =>
      text.replace("keeps the total", "keeps the total, from 1"),
    );
    await commitAll("Design: the cart starts at 1");
    const withSpec = jsonOf(await runCli(["drift", "--base", "main", "--json"], { cwd: directory() }));
    expect(withSpec).toMatchObject({ unspecified: [] });
  });

  it("--base counts the `paths` globs of .config.kiro as the spec's code", async () => {
    await createShopRepository(directory());
    await writeFile(
      join(directory(), SHOP_SPEC, ".config.kiro"),
      `${JSON.stringify({ specType: "feature", paths: ["src/pay/**"] })}\n`,
    );
    await commitAll("checkout owns src/pay");
    await git(directory(), "checkout", "--quiet", "-b", "feature");
    await writeFile(join(directory(), "src/pay.js"), "export {};\n");
    await (await import("node:fs/promises")).mkdir(join(directory(), "src/pay"));
    await writeFile(join(directory(), "src/pay/card.js"), "export {};\n");
    await commitAll("Card payments");
    const result = jsonOf(await runCli(["drift", "--base", "main", "--json"], { cwd: directory() }));
    expect(result).toMatchObject({
      unspecified: [{ spec: "checkout", files: ["src/pay/card.js"], ownedBy: ["paths"] }],
    });
    const unknown = await runCli(["drift", "--base", "nope", "--json"], { cwd: directory() });
    expect(unknown.code).toBe(2);
    expect(jsonOf(unknown)).toMatchObject({ ok: false, error: { code: "unknown-base" } });
  });
});
