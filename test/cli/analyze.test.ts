import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BILLING, writeBillingSpec } from "../helpers/billing-spec.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

interface Note {
  kind: string;
  name: string;
  locations: { file: string; line: number }[];
}

describe("specwright analyze", () => {
  const directory = useTempDirectory("specwright-analyze-");
  const model = useCliWithFakeModel(directory);

  it("names the billing scenario's env var, secret, migration, webhook and package with file and line, no model", async () => {
    await writeBillingSpec(directory());
    const result = await runCli(["analyze", "billing", "--json"], { cwd: directory() });
    expect(result.code, result.stderr).toBe(0);
    const json = jsonOf(result);
    expect(json).toMatchObject({ ok: true, spec: "billing", findings: null, modelUsed: false });
    const notes = json.notes as Note[];
    const find = (kind: string, name: string) => notes.find((note) => note.kind === kind && note.name === name);
    const designLine = (needle: string) => BILLING.design.split("\n").findIndex((line) => line.includes(needle)) + 1;
    expect(find("env-var", "STRIPE_SECRET_KEY")?.locations[0]).toEqual(
      expect.objectContaining({ file: ".kiro/specs/billing/design.md", line: designLine("STRIPE_SECRET_KEY") }),
    );
    expect(find("secret", "STRIPE_SECRET_KEY")).toBeDefined();
    const tableFiles = new Set(find("migration", "subscriptions")?.locations.map((where) => where.file));
    expect([...tableFiles]).toEqual([".kiro/specs/billing/design.md", ".kiro/specs/billing/tasks.md"]);
    expect(find("external-registration", "webhook")).toBeDefined();
    expect(find("dependency", "stripe")).toBeDefined();

    const text = await runCli(["analyze", "billing"], { cwd: directory() });
    expect(text.stdout).toContain("STRIPE_SECRET_KEY  .kiro/specs/billing/design.md:");
    expect(text.stdout).toContain("subscriptions");
  });

  it("adds the model's findings on the criterion's line, and never changes the documents", async () => {
    const folder = await writeBillingSpec(directory());
    const reply = {
      findings: [
        {
          criterion: "1.2",
          severity: "high",
          category: "missing-edge-case",
          message: "Stripe may send the same event twice.",
          suggestedEdit:
            "WHEN Stripe sends an event already processed THEN the system SHALL acknowledge it without changing the subscription.",
        },
        {
          criterion: "9.9",
          severity: "low",
          category: "ambiguity",
          message: "Unknown criterion on purpose.",
          suggestedEdit: "",
        },
      ],
    };
    const result = await model.run(["analyze", "billing", "--json"], [{ text: JSON.stringify(reply) }]);
    expect(result.code, result.stderr).toBe(0);
    const json = jsonOf(result);
    const requirementsLine =
      BILLING.requirements.split("\n").findIndex((line) => line.startsWith("2. WHEN Stripe confirms")) + 1;
    expect(json.modelUsed).toBe(true);
    expect(json.findings).toEqual([
      expect.objectContaining({
        criterion: "1.2",
        severity: "high",
        file: ".kiro/specs/billing/requirements.md",
        line: requirementsLine,
        located: true,
      }),
      expect.objectContaining({ criterion: "9.9", located: false, line: 1 }),
    ]);
    const prompt = JSON.stringify(model.server?.requests[0]?.body?.messages);
    expect(prompt).toContain("WHEN Stripe confirms the payment");
    expect(await readFile(join(folder, "requirements.md"), "utf8")).toBe(BILLING.requirements);
  });

  it("prints SARIF with the notes at their lines, and --no-model skips a configured model", async () => {
    await writeBillingSpec(directory());
    await model.start([]);
    const result = await model.run(["analyze", "billing", "--format", "sarif", "--no-model"]);
    expect(result.code, result.stderr).toBe(0);
    const sarif = JSON.parse(result.stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    const env = sarif.runs[0]?.results.find((entry) => entry.ruleId === "analysis/env-var");
    expect(env?.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(model.server?.requests).toHaveLength(0);
  });

  it("reports an unknown spec as one JSON failure", async () => {
    await writeBillingSpec(directory());
    const result = await runCli(["analyze", "nope", "--json"], { cwd: directory() });
    expect(result.code).not.toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: false });
  });
});
