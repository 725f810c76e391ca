import { describe, expect, it } from "vitest";
import { reviewNotes } from "../../../src/engine/analysis/review-notes.js";

const notesOf = (text: string) => reviewNotes([{ file: "design.md", text }]);
const names = (text: string, kind: string) =>
  notesOf(text)
    .filter((note) => note.kind === kind)
    .map((note) => note.name);

describe("reviewNotes", () => {
  it("finds environment variables in every common spelling, with line and column", () => {
    const text = [
      "intro",
      "const key = process.env.STRIPE_SECRET_KEY;",
      'db = os.environ["DATABASE_URL"]',
      'region = os.getenv("AWS_REGION")',
      "port = process.env['PORT']",
    ].join("\n");
    expect(names(text, "env-var")).toEqual(["STRIPE_SECRET_KEY", "DATABASE_URL", "AWS_REGION", "PORT"]);
    const stripe = notesOf(text).find((note) => note.name === "STRIPE_SECRET_KEY");
    expect(stripe?.locations[0]).toMatchObject({ file: "design.md", line: 2, column: 13 });
  });

  it("marks secret-looking names as secrets and leaves plain configuration alone", () => {
    const text = "Set `STRIPE_SECRET_KEY`, `GITHUB_TOKEN` and `APP_BASE_URL`.";
    expect(names(text, "secret")).toEqual(["STRIPE_SECRET_KEY", "GITHUB_TOKEN"]);
    expect(names(text, "env-var")).toEqual(["STRIPE_SECRET_KEY", "GITHUB_TOKEN", "APP_BASE_URL"]);
  });

  it("names the tables a migration creates or alters, and a bare migration otherwise", () => {
    expect(names("CREATE TABLE IF NOT EXISTS invoices (id int);", "migration")).toEqual(["invoices"]);
    expect(names("ALTER TABLE users ADD COLUMN plan text;", "migration")).toEqual(["users"]);
    expect(names("A new `subscriptions` table holds plans.", "migration")).toEqual(["subscriptions"]);
    expect(names("Write the migration before deploying.", "migration")).toEqual(["migration"]);
    expect(names("The table of contents is below.", "migration")).toEqual([]);
  });

  it("finds external registrations: webhooks, OAuth callbacks, DNS", () => {
    expect(names("Register the webhook with Stripe.", "external-registration")).toEqual(["webhook"]);
    expect(names("Add the OAuth callback URL to the GitHub app.", "external-registration")).toEqual(["oauth-callback"]);
    expect(names("Point a CNAME at the load balancer.", "external-registration")).toEqual(["dns"]);
  });

  it("finds new dependencies from installs, imports and prose, ignoring relative and built-in modules", () => {
    const text = [
      "npm install --save stripe",
      'import Stripe from "stripe";',
      'import { x } from "./local.js";',
      'import { readFile } from "node:fs/promises";',
      "pip install requests",
      "We use the `zod` library for validation.",
    ].join("\n");
    expect(names(text, "dependency")).toEqual(["stripe", "requests", "zod"]);
  });

  it("groups repeated mentions into one note with every location", () => {
    const notes = reviewNotes([
      { file: "design.md", text: "The `subscriptions` table.\n" },
      { file: "tasks.md", text: "- [ ] 1. CREATE TABLE subscriptions\n" },
    ]);
    const table = notes.find((note) => note.kind === "migration");
    expect(table?.locations.map((where) => `${where.file}:${where.line}`)).toEqual(["design.md:1", "tasks.md:1"]);
  });

  it("returns no notes for a spec that needs nothing outside its code", () => {
    expect(notesOf("WHEN the user clicks save THEN the system SHALL store the draft.")).toEqual([]);
  });
});
