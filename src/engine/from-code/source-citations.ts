import { parseRequirements } from "../../model/requirements/parse-requirements.js";
import type { SourceLocation } from "../../model/source/source-location.js";
import type { CheckDiagnostic } from "../../rules/check-result.js";
import { type CodeFacts, citableSymbols } from "./code-facts.js";

/** `_Source: src/routes/users.js#listUsers, src/store.js#allUsers_`: Kiro reads it as an italic note. */
const SOURCE_LINE = /_Source:\s*([^_\n]*(?:_[^_\s][^_\n]*)*)_/;

export interface SourceCitation {
  readonly file: string;
  /** The symbol after `#`; undefined when only the file is cited. */
  readonly symbol?: string;
}

export interface CriterionSources {
  readonly criterionId: string;
  readonly location: SourceLocation;
  readonly citations: readonly SourceCitation[];
}

/** The `_Source:_` citations of each criterion of a requirements document, in order. */
export function criterionSources(requirementsText: string): CriterionSources[] {
  const document = parseRequirements(requirementsText);
  return document.requirements.flatMap((requirement) =>
    requirement.criteria.map((criterion) => ({
      criterionId: criterion.id,
      location: criterion.location,
      citations: parseCitations(criterion.text),
    })),
  );
}

/** The citations of one `_Source:_` line within a text; none when it has no such line. */
export function parseCitations(text: string): SourceCitation[] {
  const match = SOURCE_LINE.exec(text);
  if (match === null) return [];
  return (match[1] ?? "")
    .split(",")
    .map((part) => part.trim().replace(/^`|`$/g, ""))
    .filter((part) => part !== "")
    .map((part) => {
      const hash = part.indexOf("#");
      if (hash < 0) return { file: part };
      const symbol = part.slice(hash + 1).replace(/\(\)$/, "");
      return { file: part.slice(0, hash), ...(symbol !== "" ? { symbol } : {}) };
    });
}

/**
 * What is wrong with the citations of an as-built requirements document: a criterion citing nothing, a file
 * that is not among the code read, a symbol that file does not export, declare or register as a handler.
 * Each is an error, so it goes back to the model in a repair round like a check finding.
 */
export function sourceCitationFindings(requirementsText: string, file: string, facts: CodeFacts): CheckDiagnostic[] {
  const findings: CheckDiagnostic[] = [];
  const known = facts.modules.map((module) => module.path);
  for (const entry of criterionSources(requirementsText)) {
    const finding = (message: string, fix: string) =>
      findings.push({ rule: "from-code/source", severity: "error", file, location: entry.location, message, fix });
    if (entry.citations.length === 0) {
      finding(
        `Criterion ${entry.criterionId} has no \`_Source:_\` line.`,
        "Add an indented line `_Source: <file>#<symbol>_` under it, naming the code it describes.",
      );
      continue;
    }
    for (const citation of entry.citations) {
      const symbols = citableSymbols(facts, citation.file);
      if (symbols === undefined) {
        finding(
          `Criterion ${entry.criterionId} cites ${citation.file}, which is not among the code read.`,
          `Cite one of the files of the code facts: ${known.slice(0, 12).join(", ")}.`,
        );
        continue;
      }
      if (citation.symbol !== undefined && !symbols.has(citation.symbol)) {
        finding(
          `Criterion ${entry.criterionId} cites ${citation.file}#${citation.symbol}; ${citation.file} has no such symbol.`,
          `Cite a symbol of ${citation.file}: ${[...symbols].slice(0, 12).join(", ") || "(none: cite the file alone)"}.`,
        );
      }
    }
  }
  return findings;
}
