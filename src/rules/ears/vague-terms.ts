/** Where a vague word was found: the masked text before and after it. */
export interface VagueTermContext {
  readonly before: string;
  readonly after: string;
  /** The whole masked criterion. */
  readonly text: string;
}

/** A family of vague words and what to write instead. */
export interface VagueTermGroup {
  /** Words or phrases; a space matches any whitespace, so a phrase may wrap onto the next line. */
  readonly terms: readonly string[];
  /** Why the words do not work in a requirement, completing "… is vague: <why>". */
  readonly why: string;
  readonly fix: string;
  /** Uses of the words that are not vague (a defined term, an idiom, a clause about something else). */
  readonly exempt?: (context: VagueTermContext) => boolean;
  /** Modal verbs: in a criterion without SHALL, `ears/missing-shall` reports the word already. */
  readonly modal?: boolean;
}

/** Up to four words of the same noun phrase (no conjunction starts a new one), then the parenthesis. */
const EXPLAINED = /^\s*(?:(?!(?:and|or|but|then|while|when|if)\b)[\p{L}\p{N}_'’-]+\s+){0,4}\(/iu;

/**
 * "appropriate exit codes (0 for success, non-zero for errors)": the author spelled out what the word
 * means right after it, so the criterion is testable as written.
 */
function explainedInParentheses({ after }: VagueTermContext): boolean {
  return EXPLAINED.test(after);
}

/** "within 100 milliseconds", "25% faster", "< 2 seconds": the speed is measured, the word only adds colour. */
const MEASURE =
  /\d\s*(?:%|ms\b|milliseconds?|s\b|sec(?:ond)?s?\b|min(?:ute)?s?\b|hours?\b|fps\b)|\d[\d,.]*\s+(?:[\p{L}]+\s+)?per\b|[<≤]\s*\d|\bthan\s+\d/iu;

export const VAGUE_TERM_GROUPS: readonly VagueTermGroup[] = [
  {
    terms: ["should", "may", "might", "could"],
    why: "it leaves open whether the behaviour is required",
    fix: "Use SHALL if the behaviour is required; make an optional feature a `WHERE <feature>` criterion.",
    modal: true,
    // Only a modal that coordinates with the SHALL response ("SHALL save the draft and may notify") weakens
    // the requirement; in a subordinate clause ("methods that should be extracted", "what the user should
    // do", "targets may have changed") it describes the domain. Without any SHALL, ears/missing-shall reports it.
    exempt: ({ before }) =>
      !/(?:\band|\bor|[,;])\s+(?:(?:it|they|then|also|the\s+[\p{L}\p{N}_-]+)\s+)?$/iu.test(before),
  },
  {
    terms: ["fast", "faster", "quickly", "rapidly", "promptly", "in a timely manner", "as soon as possible"],
    why: "no test can tell whether it holds",
    fix: "State a measurable limit, for example `within 200 ms`.",
    exempt: (context) =>
      MEASURE.test(context.text) ||
      explainedInParentheses(context) ||
      // "fail fast" is an engineering idiom (stop at the first error); "green for fast" names a category.
      /\bfail\s+$|\bfor\s+$/i.test(context.before),
  },
  {
    terms: [
      "user-friendly",
      "user friendly",
      "easy",
      "easily",
      "easy-to-use",
      "intuitive",
      "intuitively",
      "seamless",
      "seamlessly",
    ],
    why: "no test can tell whether it holds",
    fix: "Name the observable behaviour instead (the steps, the default, what is shown).",
    exempt: explainedInParentheses,
  },
  {
    terms: [
      "appropriate",
      "appropriately",
      "suitable",
      "reasonable",
      "reasonably",
      "adequate",
      "adequately",
      "sufficient",
      "sufficiently",
      "properly",
      "gracefully",
      "efficient",
      "efficiently",
      "robust",
    ],
    why: "it leaves the judgement to whoever implements it",
    fix: "Say exactly what counts: which value, which message, which limit.",
    exempt: (context) =>
      explainedInParentheses(context) ||
      // "has sufficient spell slots" compares two known quantities: it is a precise check.
      /\b(?:has|have|had)\b[^,.;]{0,40}$/i.test(context.before) ||
      // "play the appropriate sound file", "consume the appropriate spell slot": the one that corresponds
      // to the case at hand, a selection the rest of the spec defines, not a judgement call.
      /\bthe\s+$/i.test(context.before),
  },
  {
    terms: [
      "as needed",
      "as necessary",
      "if needed",
      "if necessary",
      "if possible",
      "where possible",
      "when possible",
      "where appropriate",
      "when appropriate",
      "as appropriate",
      "as much as possible",
      "etc",
      "and so on",
      "and/or",
    ],
    why: "it leaves the cases open",
    fix: "List every case, or state the condition with `WHEN` or `IF`.",
    exempt: explainedInParentheses,
  },
  {
    terms: ["usually", "normally", "typically", "generally", "often", "sometimes", "occasionally"],
    why: "it does not say when the behaviour applies",
    fix: "State the condition with `WHEN`, `IF` or `WHILE`, or drop the word.",
    exempt: explainedInParentheses,
  },
];
