import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CommandDecision, decideCommand } from "../../../src/engine/agent-tools/command-policy.js";
import { replaceExact } from "../../../src/engine/agent-tools/replace-exact.js";
import { PathRefusedError } from "../../../src/workspace/sandbox/path-refused-error.js";
import { isSecretEnvironmentName, scrubEnvironment } from "../../../src/workspace/sandbox/scrub-environment.js";
import { resolveWorkspacePath } from "../../../src/workspace/sandbox/workspace-path.js";

const root = "/work/project";
const WEIGHT: Record<CommandDecision, number> = { allow: 0, ask: 1, deny: 2 };

/** Simple commands of every verdict, without pipes (a pipe into a shell is a line-level rule). */
const SIMPLE_COMMANDS = [
  "npm test",
  "ls -la",
  "git status",
  "cat README.md",
  "mkdir -p src/x",
  "unknown-tool --x",
  "npm install y",
  "curl https://example.com",
  "cat /etc/hosts",
  "sudo ls",
  "git push origin main",
  "rm -rf /",
  "cat .env",
  "echo x > .git/config",
];
const DENIED = ["sudo ls", "git push origin main", "rm -rf /", "cat .env", "echo x > .git/config", "npm publish"];

describe("Feature: agent-tools, Property 2: Lexical paths stay inside the root", () => {
  it("returns a path inside the root or refuses", () => {
    const segment = fc.constantFrom("..", ".", "a", "b", "", "c.txt", "..a", "a..");
    fc.assert(
      fc.property(fc.boolean(), fc.array(segment, { maxLength: 6 }), (absolute, segments) => {
        const requested = `${absolute ? "/" : ""}${segments.join("/")}`;
        try {
          const resolved = resolveWorkspacePath(root, requested);
          expect(resolved.absolute === root || resolved.absolute.startsWith(`${root}/`)).toBe(true);
          expect(resolved.relative.split("/")).not.toContain("..");
        } catch (error) {
          expect(error).toBeInstanceOf(PathRefusedError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("Feature: agent-tools, Property 3: The strictest Simple_Command decides", () => {
  it("a; b gets the stricter verdict of a and b", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIMPLE_COMMANDS),
        fc.constantFrom(...SIMPLE_COMMANDS),
        fc.constantFrom("; ", " && ", " || ", "\n"),
        (first, second, separator) => {
          const a = decideCommand(first, {}, { root }).decision;
          const b = decideCommand(second, {}, { root }).decision;
          const both = decideCommand(`${first}${separator}${second}`, {}, { root }).decision;
          expect(WEIGHT[both]).toBe(Math.max(WEIGHT[a], WEIGHT[b]));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("Feature: agent-tools, Property 4: A deny cannot be allowed away", () => {
  it("a line with a denied command is denied whatever the settings allow", () => {
    fc.assert(
      fc.property(
        fc.subarray(["*", "git *", "sudo *", "rm *", "cat *", "npm *", "echo *"]),
        fc.constantFrom(...SIMPLE_COMMANDS),
        fc.constantFrom(...DENIED),
        (allow, before, denied) => {
          expect(decideCommand(`${before} && ${denied}`, { allow }, { root }).decision).toBe("deny");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("Feature: agent-tools, Property 5: Scrubbing removes exactly the secrets", () => {
  it("keeps what is not secret or passed, and nothing else", () => {
    const name = fc.oneof(
      fc.constantFrom(
        "PATH",
        "HOME",
        "OPENAI_API_KEY",
        "GITHUB_TOKEN",
        "AWS_REGION",
        "DB_PASSWORD",
        "LANG",
        "X_SECRET_Y",
      ),
      fc.stringMatching(/^[A-Z][A-Z0-9_]{0,12}$/),
    );
    fc.assert(
      fc.property(fc.dictionary(name, fc.string()), fc.array(name, { maxLength: 3 }), (environment, passEnv) => {
        const scrubbed = scrubEnvironment(environment, passEnv);
        for (const [key, value] of Object.entries(scrubbed)) expect(environment[key]).toBe(value);
        for (const key of Object.keys(environment)) {
          const expected = !isSecretEnvironmentName(key) || passEnv.includes(key);
          expect(key in scrubbed).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("Feature: agent-tools, Property 6: An edit changes exactly one occurrence or nothing", () => {
  it("succeeds exactly when old_string occurs once", () => {
    const text = (maxLength: number) => fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "$"), maxLength });
    fc.assert(
      fc.property(
        text(40),
        text(4).filter((value) => value !== ""),
        text(6),
        (content, oldString, newString) => {
          fc.pre(oldString !== newString);
          const occurrences = content.split(oldString).length - 1;
          const result = replaceExact(content, oldString, newString);
          if (occurrences === 1) {
            expect(result).toEqual({ ok: true, content: content.split(oldString).join(newString), replacements: 1 });
          } else {
            expect(result).toMatchObject({ ok: false, reason: occurrences === 0 ? "missing" : "not-unique" });
            if (!result.ok) expect(result.lines).toHaveLength(occurrences);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
