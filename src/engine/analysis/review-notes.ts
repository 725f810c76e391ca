/**
 * Deterministic review notes: what a spec's documents imply the feature needs outside its own code —
 * configuration, secrets, schema changes, registrations with third parties, new packages. Pure: text in,
 * notes out, so the same review runs in tests, the CLI and MCP without a model.
 */

export type ReviewNoteKind = "env-var" | "secret" | "migration" | "external-registration" | "dependency";

export interface ReviewNoteLocation {
  /** File relative to the workspace root. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The line it was found on, trimmed (at most 160 characters). */
  readonly excerpt: string;
}

export interface ReviewNote {
  readonly kind: ReviewNoteKind;
  /** What is needed: `STRIPE_SECRET_KEY`, `subscriptions`, `webhook`, `stripe`. */
  readonly name: string;
  readonly message: string;
  /** Every place it was found, first one first. */
  readonly locations: readonly ReviewNoteLocation[];
}

export interface ReviewInput {
  readonly file: string;
  readonly text: string;
}

interface Match {
  readonly kind: ReviewNoteKind;
  readonly name: string;
  readonly column: number;
}

const ENV_ACCESS = [
  /process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g,
  /process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\]/g,
  /os\.environ(?:\.get\(\s*|\[\s*)["']([A-Za-z_][A-Za-z0-9_]*)["']/g,
  /os\.getenv\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/g,
  /\bENV\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]/g,
  /Deno\.env\.get\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/g,
  /import\.meta\.env\.([A-Za-z_][A-Za-z0-9_]*)/g,
];
/** SCREAMING_SNAKE names that read like configuration (a suffix or a word that configuration has). */
const CONFIG_NAME =
  /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:KEY|SECRET|TOKEN|URL|URI|HOST|PORT|PASSWORD|PASS|ID|DSN|REGION|BUCKET|ENDPOINT|DOMAIN|ENV|PATH|USER|USERNAME|SALT|WEBHOOK)(?:_[A-Z0-9]+)*)\b/g;
const ENV_WORDS = /\b(?:env(?:ironment)? var(?:iable)?s?|\.env\b)/i;
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASS\b|PRIVATE|API_KEY|_KEY$|CREDENTIAL|SALT|DSN/;
const SECRET_WORDS =
  /\b(api keys?|secret keys?|client secrets?|private keys?|signing secrets?|webhook secrets?|credentials|access tokens?|passwords?)\b/gi;
const TABLE_DDL = /\b(?:create|alter|drop)\s+table\s+(?:if\s+(?:not\s+)?exists\s+)?[`"[]?([A-Za-z_][A-Za-z0-9_.]*)/gi;
const TABLE_PROSE = [
  /[`"]([A-Za-z_][A-Za-z0-9_]*)[`"]\s+(?:database\s+|db\s+)?table\b/gi,
  /\btable\s+[`"]([A-Za-z_][A-Za-z0-9_]*)[`"]/gi,
  /\b(?:new|a|the)\s+([a-z_][a-z0-9_]*)\s+(?:database\s+)?table\b/g,
];
const MIGRATION_WORDS = /\b(migrations?|add (?:a )?column|new column|schema change|backfill)\b/gi;
const REGISTRATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bwebhooks?\b/gi, "webhook"],
  [/\b(?:oauth\s+)?(?:callback|redirect)\s+(?:url|uri)s?\b/gi, "oauth-callback"],
  [/\boauth\b/gi, "oauth-app"],
  [/\b(?:dns|cname|mx record|txt record|a record)\b/gi, "dns"],
  [/\b(?:custom domain|subdomain)\b/gi, "domain"],
  [
    /\b(?:api key registration|app registration|register (?:the|an?) (?:app|application|endpoint|url))\b/gi,
    "app-registration",
  ],
];
const DEPENDENCY_PATTERNS = [
  /\b(?:npm|pnpm|yarn|bun)\s+(?:install|add|i)\s+(?:-[-\w]+\s+)*((?:@[\w.-]+\/)?[\w.-]+)/g,
  /\bpip3?\s+install\s+(?:-[-\w]+\s+)*([\w.-]+)/g,
  /\b(?:cargo|poetry|uv)\s+add\s+([\w.-]+)/g,
  /\bgo\s+get\s+([\w./-]+)/g,
  /\bfrom\s+["']((?:@[\w.-]+\/)?[\w][\w.-]*)(?:\/[\w./-]*)?["']/g,
  /\brequire\(\s*["']((?:@[\w.-]+\/)?[\w][\w.-]*)(?:\/[\w./-]*)?["']\s*\)/g,
  /\bimport\s+["']((?:@[\w.-]+\/)?[\w][\w.-]*)["']/g,
  /`((?:@[\w.-]+\/)?[\w][\w.-]*)`\s+(?:npm\s+)?(?:package|library|sdk|client|module|crate|gem)\b/gi,
  /\b(?:package|library|sdk|crate|gem|dependency)\s+`((?:@[\w.-]+\/)?[\w][\w.-]*)`/gi,
];
/** Node's own modules and words the patterns catch that are not packages. */
const NOT_PACKAGES = new Set([
  "node",
  "fs",
  "path",
  "http",
  "https",
  "crypto",
  "os",
  "url",
  "util",
  "events",
  "stream",
  "child_process",
  "the",
  "a",
  "an",
  "this",
  "it",
]);

/** Words that stand before "table" without naming one ("the new table", "the database table"). */
const NOT_TABLES = new Set([
  "new",
  "same",
  "following",
  "main",
  "join",
  "lookup",
  "database",
  "db",
  "this",
  "that",
  "a",
  "the",
]);

const MESSAGES: Record<ReviewNoteKind, (name: string) => string> = {
  "env-var": (name) => `Needs the environment variable ${name}: set it in every environment (local, CI, production).`,
  secret: (name) =>
    `Handles a secret (${name}): keep it out of the repository and the logs, and say where it is stored.`,
  migration: (name) =>
    name === "migration"
      ? "Implies a database migration: plan it, its rollback and the deploy order."
      : `Implies a migration for the table ${name}: plan it, its rollback and the deploy order.`,
  "external-registration": (name) =>
    `Needs an external registration (${name}): someone must set it up with the third party in each environment.`,
  dependency: (name) => `Adds the dependency ${name}: check its licence, maintenance and that the lockfile changes.`,
};

export const REVIEW_NOTE_KINDS: readonly ReviewNoteKind[] = [
  "env-var",
  "secret",
  "migration",
  "external-registration",
  "dependency",
];

/** The notes of a spec's documents, grouped by kind then in order of first appearance. */
export function reviewNotes(inputs: readonly ReviewInput[]): ReviewNote[] {
  const notes = new Map<string, { kind: ReviewNoteKind; name: string; locations: ReviewNoteLocation[] }>();
  for (const input of inputs) {
    const lines = input.text.split(/\r?\n/);
    lines.forEach((text, index) => {
      for (const match of matchesOf(text)) {
        const key = `${match.kind}\u0000${match.kind === "migration" || match.kind === "dependency" ? match.name.toLowerCase() : match.name}`;
        const note = notes.get(key) ?? { kind: match.kind, name: match.name, locations: [] };
        const location = { file: input.file, line: index + 1, column: match.column + 1, excerpt: excerptOf(text) };
        if (!note.locations.some((seen) => seen.file === location.file && seen.line === location.line)) {
          note.locations.push(location);
        }
        notes.set(key, note);
      }
    });
  }
  return [...notes.values()]
    .map((note) => ({ ...note, message: MESSAGES[note.kind](note.name) }))
    .sort((a, b) => REVIEW_NOTE_KINDS.indexOf(a.kind) - REVIEW_NOTE_KINDS.indexOf(b.kind));
}

function matchesOf(line: string): Match[] {
  const found: Match[] = [];
  const envNames = new Set<string>();
  for (const pattern of ENV_ACCESS) {
    for (const match of line.matchAll(pattern)) {
      envNames.add(match[1] ?? "");
      found.push({ kind: "env-var", name: match[1] ?? "", column: match.index });
    }
  }
  for (const match of line.matchAll(CONFIG_NAME)) {
    const name = match[1] ?? "";
    if (envNames.has(name)) continue;
    envNames.add(name);
    found.push({ kind: "env-var", name, column: match.index });
  }
  for (const name of envNames) {
    if (SECRET_NAME.test(name)) found.push({ kind: "secret", name, column: line.indexOf(name) });
  }
  if (envNames.size === 0 && ENV_WORDS.test(line)) {
    found.push({ kind: "env-var", name: "environment variables", column: line.search(ENV_WORDS) });
  }
  if (envNames.size === 0) {
    for (const match of line.matchAll(SECRET_WORDS)) {
      found.push({ kind: "secret", name: (match[1] ?? "").toLowerCase(), column: match.index });
    }
  }
  const tables = new Set<string>();
  for (const pattern of [TABLE_DDL, ...TABLE_PROSE]) {
    for (const match of line.matchAll(pattern)) {
      const name = match[1] ?? "";
      if (tables.has(name.toLowerCase()) || NOT_TABLES.has(name.toLowerCase())) continue;
      tables.add(name.toLowerCase());
      found.push({ kind: "migration", name, column: match.index });
    }
  }
  if (tables.size === 0) {
    for (const match of line.matchAll(MIGRATION_WORDS)) {
      found.push({ kind: "migration", name: "migration", column: match.index });
    }
  }
  const registrations = new Set<string>();
  for (const [pattern, name] of REGISTRATIONS) {
    const match = pattern.exec(line);
    pattern.lastIndex = 0;
    // "OAuth callback URL" is one registration, not a callback and an app besides.
    if (!match || (name === "oauth-app" && registrations.has("oauth-callback"))) continue;
    registrations.add(name);
    found.push({ kind: "external-registration", name, column: match.index });
  }
  for (const pattern of DEPENDENCY_PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      const name = match[1] ?? "";
      if (name.startsWith(".") || NOT_PACKAGES.has(name.toLowerCase()) || name.startsWith("node:")) continue;
      found.push({ kind: "dependency", name, column: match.index });
    }
  }
  return found;
}

function excerptOf(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 160 ? `${trimmed.slice(0, 157)}…` : trimmed;
}
