/**
 * For docs/rules.md: when each rule fires and when it stays quiet, from patterns seen in real Kiro files.
 * Kept beside the rules in one table so the page shows both sides of every rule; a test requires an entry
 * for every rule.
 */
export interface RuleBehaviour {
  readonly fires: string;
  readonly quiet: string;
}

export const RULE_BEHAVIOUR: Readonly<Record<string, RuleBehaviour>> = {
  "structure/unreadable-file": {
    fires: "a spec document is binary, invalid UTF-8, over the size limit, or cannot be opened.",
    quiet: "the file is UTF-8 text, whatever it says.",
  },
  "ears/missing-shall": {
    fires: "a numbered criterion under Acceptance Criteria has no SHALL (`The system validates input`, `MAY pass …`).",
    quiet:
      "the SHALL is there in any case (`shall`, `SHALL NOT`), or the criterion is in another language with an English SHALL.",
  },
  "ears/no-pattern": {
    fires:
      "no system is named before SHALL, or a capital WHEN/IF/WHILE/WHERE follows the last SHALL (`THE App SHALL save IF …`).",
    quiet:
      "the condition is reported speech (`SHALL state that IF the key is missing, …`), quoted, or in a localized sentence.",
  },
  "ears/vague-term": {
    fires: "a criterion uses should, may, fast, user-friendly, appropriate, as needed … in its own wording.",
    quiet: "the word is inside quotes, a code span or a URL (a message the system shows, a field name).",
  },
  "ears/multiple-responses": {
    fires: "a criterion has two positive SHALLs (`SHALL save the draft and SHALL notify the user`).",
    quiet:
      "one SHALL with a compound object, a SHALL NOT bounding the one response, a SHALL inside quotes, or `SHALL state that WHEN … SHALL …`.",
  },
  "ears/undefined-subject": {
    fires: "the Snake_Case subject before SHALL (`THE Cache_Store SHALL`) is missing from a Glossary the file has.",
    quiet:
      "the file has no Glossary, the subject is plain words (`the system`), a constant (`VALID_CATEGORIES`), a file path or module (`src/config_loader.py`), or in backticks.",
  },
  "bugfix/current-has-shall": {
    fires: "a 1.x clause says SHALL outside quotes (`THEN the system SHALL lose the draft`).",
    quiet: 'the "shall" is inside a quoted example (`shows "Users shall not pass"`).',
  },
  "bugfix/expected-missing-shall": {
    fires: "a 2.x clause states no SHALL (`THEN the system keeps both drafts`).",
    quiet: "the clause has SHALL in any case.",
  },
  "bugfix/unchanged-missing-continue": {
    fires: "a 3.x clause lacks SHALL CONTINUE TO (`THEN the system SHALL store the draft`).",
    quiet: "the clause says SHALL CONTINUE TO (any case).",
  },
  "structure/requirement-without-criteria": {
    fires:
      "a requirement heading has no list under Acceptance Criteria, under a sub-heading of unknown label, or under itself.",
    quiet:
      "its criteria sit under a localized label (`معايير القبول`, `验收条件`), a suffixed one (`Acceptance Criteria for Requirement 6`), sub-groups (`##### 29a: …`), or a sub-heading followed by a numbered or EARS list.",
  },
  "structure/no-requirements": {
    fires:
      "requirements.md has text but no heading reads as a requirement (`### Requirement 1`, `### 需求 1`, `### R1：…`).",
    quiet: "the file holds a bug analysis (Current / Expected / Unchanged behaviour), read as bugfix clauses.",
  },
  "structure/duplicate-id": {
    fires:
      "two requirements, criteria, bugfix clauses, tasks or design properties share a number (`Property 3` defined twice).",
    quiet:
      "the same number sits in different sub-groups (`29a.1`, `29b.1`), or a property is listed again as a `- Property 3: …` summary item.",
  },
  "structure/skipped-id": {
    fires: "numbers jump (criteria 1, 2, 4; tasks 23 → 26).",
    quiet: "bulleted criteria (numbered by position), each sub-group counting on its own, or ids with letters (`6a`).",
  },
  "structure/criterion-number-mismatch": {
    fires: "a criterion written `3.2` sits under Requirement 2.",
    quiet: "criteria numbered `1.`, `2.` or after their requirement or sub-group (`29a.1` under `##### 29a`).",
  },
  "structure/unknown-task-marker": {
    fires: "a checkbox holds a marker other than space, x, X, - or ~ (`[/]`, `[?]`).",
    quiet: "the marker is one of Kiro's, with or without the optional `*`.",
  },
  "structure/tasks-without-requirements": {
    fires: "a spec has tasks.md but neither requirements.md nor bugfix.md.",
    quiet: "the spec is design-first by `.config.kiro`, or its requirements.md holds the bug analysis.",
  },
  "structure/unknown-file": {
    fires: "a spec folder holds a file Kiro does not read (`notes.md`, `requirements.md.bak`).",
    quiet: "Kiro's documents, `.config.kiro`, `tasks.meta.json` and Specwright's own records.",
  },
  "bugfix/missing-section": {
    fires: "a bug analysis lacks its Current, Expected or Unchanged section.",
    quiet: "all three are present, in English or a known translation, as headings at any level.",
  },
  "bugfix/clause-group-mismatch": {
    fires: "a clause numbered `2.1` sits under the Current Behavior section.",
    quiet:
      "clauses numbered after their section; bullets under a later section (`## Bug Condition Derivation`) are not clauses at all.",
  },
  "structure/unfilled-placeholder": {
    fires: "a `<fill: …>` placeholder from `specwright new` or `init` is still in the text.",
    quiet: "the placeholder syntax is quoted in backticks.",
  },
  "structure/unknown-criteria-label": {
    fires:
      "criteria are found under a sub-heading whose label is not in the vocabulary (`#### Abnahmekriterien`), or two or more headings `Anforderung N` with criteria lists stand where no known requirement heading is: an info, and they are read.",
    quiet: "the label is in the vocabulary of any language (docs/labels.md).",
  },
  "drift/criterion-changed-after-done": {
    fires:
      "a done task references a criterion reworded or removed since requirements.md was approved (the approved text is read from the git blob the approval recorded).",
    quiet:
      "before any approval that kept its text, when the criterion's wording is unchanged, and once requirements.md is approved again.",
  },
  "drift/renumbered-reference": {
    fires: "a done task still names a criterion by the id it had at approval, and the criterion now has another id.",
    quiet: "open tasks (read against the current requirements), and references to criteria that kept their id.",
  },
  "structure/leftover-temporary": {
    fires:
      "a temporary file or lock folder of a write that a killed process never finished (`.tasks.md.tmp.<pid>.<hex>`, `<file>.lock/`) remains beside a `.kiro/` file, the repository root or an MCP client config.",
    quiet:
      "while the writer is alive, and after the next write in that folder, which removes dead processes' leftovers.",
  },
  "structure/too-deep-tasks": {
    fires: "tasks nest more than 100 levels deep (generated or corrupted files).",
    quiet: "any real plan: two or three levels, indented or flat-numbered.",
  },
  "structure/stale-waves": {
    fires:
      "tasks.meta.json's `waves` list a task tasks.md no longer has, leave a task out, or put a task in the same wave as (or before) a task its `_Depends:_`/`_After:_` or a checkpoint says it must follow.",
    quiet:
      "there are no `waves`, or they fit tasks.md: written by `specwright plan` or `plan --waves`, or Kiro's own waves that break no dependency (sub-tasks listed together may run together).",
  },
  "traceability/unknown-reference": {
    fires:
      "`_Requirements: 2.4_` or `**Validates: …**` names no criterion, requirement, sub-group or bugfix clause of the spec.",
    quiet:
      "the id exists as written or with a leading `R` (`R1.2` for `1.2`), names a whole requirement (even one without readable criteria), a sub-group (`29a`) or a clause of a bug analysis in requirements.md.",
  },
  "traceability/uncovered-criterion": {
    fires: "no task references a criterion, directly, through its requirement or sub-group, or with `All`.",
    quiet:
      "the spec's requirements could not be read (no criteria: nothing to cover), or current-behaviour (1.x) clauses.",
  },
  "traceability/task-without-reference": {
    fires: "a leaf task has no `_Requirements:_` or `**Validates:**` line.",
    quiet:
      "parent tasks (sub-tasks attached by indentation or by flat numbering, `9.` then `9.1`), checkpoints, unnumbered checkboxes.",
  },
  "traceability/parent-done-child-open": {
    fires: "a task is `[x]` while a required sub-task is not, sub-tasks found by indentation or by flat numbering.",
    quiet: "the open sub-task is optional (`[ ]*`).",
  },
  "steering/front-matter": {
    fires: "front matter is not YAML, has no closing `---`, or a double-quoted value has an invalid escape.",
    quiet: "no front matter at all (the file is always included), or valid YAML.",
  },
  "steering/invalid-field": {
    fires: "a field is empty or a list where one value belongs (`inclusion: [manual]`).",
    quiet: "single values, and a string or list of strings for `fileMatchPattern`.",
  },
  "steering/unknown-inclusion": {
    fires: "`inclusion:` is not always, fileMatch, manual or auto (`inclusion: conditional`).",
    quiet: "one of Kiro's four modes.",
  },
  "steering/file-match-without-pattern": {
    fires: "`inclusion: fileMatch` without `fileMatchPattern`.",
    quiet: "a pattern is given as a string or a list.",
  },
  "steering/comma-separated-pattern": {
    fires: 'one string lists globs with commas (`"**/*.ts, **/*.tsx"`).',
    quiet: "commas inside braces (`**/*.{ts,tsx}`) or brackets, or a YAML list.",
  },
  "steering/invalid-glob": {
    fires: "a glob has unbalanced brackets or braces, is empty, or uses `\\` as a separator.",
    quiet: "escaped literal brackets (`app/\\[...slug\\]/page.tsx`), matched as picomatch does.",
  },
  "steering/pattern-with-other-mode": {
    fires: "a `fileMatchPattern` beside `inclusion: always` or `manual`.",
    quiet: "the pattern goes with `inclusion: fileMatch`.",
  },
  "steering/auto-without-description": {
    fires: "`inclusion: auto` without a `description`.",
    quiet: "a description is given.",
  },
  "steering/missing-file-reference": {
    fires: "`#[[file:docs/api.yaml]]` names a path that does not exist under the workspace root.",
    quiet: "the file exists (the path is relative to the workspace root).",
  },
  "hooks/json-syntax": {
    fires: "a hook file is not JSON (trailing comma, comment, missing quote).",
    quiet: "valid JSON of any formatting.",
  },
  "hooks/missing-field": {
    fires: "a hook lacks name, trigger or action (or the prompt/command its action needs), or has a wrong type.",
    quiet: "the fields Kiro writes are present with their types.",
  },
  "hooks/file-version": {
    fires: 'a 1.0 hook file says `"version": "v2"` or a number.',
    quiet: '`"version": "v1"`.',
  },
  "hooks/unknown-trigger": {
    fires: "the trigger is not an event Kiro knows (`fileSaved`).",
    quiet: "a documented trigger; the fix suggests the nearest one.",
  },
  "hooks/unknown-action": {
    fires: "the action type is not one Kiro runs (`runScript`).",
    quiet: "askAgent/runCommand in 0.x hooks, agent/command in 1.0 hook files.",
  },
  "hooks/invalid-pattern": {
    fires: "a `when.patterns` entry holds several globs, unbalanced brackets or `\\` separators.",
    quiet: "one glob per entry, escaped brackets included.",
  },
  "hooks/invalid-matcher": {
    fires: "a 1.0 `matcher` is not a valid regex (often a glob written where a regex belongs).",
    quiet: "a valid regex; the fix offers the regex for a glob-looking value.",
  },
  "hooks/legacy-format": {
    fires: "a `.kiro.hook` (Kiro 0.x) file: an info, as Kiro 1.0 no longer runs it.",
    quiet: "hooks in `.kiro/hooks/*.json`.",
  },
  "hooks/pattern-matches-nothing": {
    fires:
      "an enabled save or delete hook's patterns/matcher match no file of the repository (`src/**/*.tsx` in a `.ts` project).",
    quiet: "some file matches; a hook on file creation (the files may come later); a repository too big to list whole.",
  },
  "hooks/conflicting-writes": {
    fires: "two enabled hooks on the same event redirect (`>`, `>>`, `tee`) into the same plain path.",
    quiet: "different events or files; targets built from variables, which cannot be decided.",
  },
  "settings/mcp-schema": {
    fires: "mcp.json is not JSON, not the MCP settings shape, or a server has neither command nor url.",
    quiet: "the file has the MCP settings shape and every server has a command or a url.",
  },
  "settings/mcp-header-key": {
    fires: 'a server has `"header"` (singular).',
    quiet: '`"headers"`.',
  },
  "settings/specwright-schema": {
    fires: "specwright.json has an unknown key, rule id or severity, or is not JSON.",
    quiet: "the documented keys (docs/settings.md).",
  },
  "settings/unknown-disable-rule": {
    fires: "`<!-- specwright-disable-next-line ears/vage-term -->` names no rule.",
    quiet: "the id is a rule of docs/rules.md.",
  },
};
