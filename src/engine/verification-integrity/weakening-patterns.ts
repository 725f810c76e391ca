/** Lines that skip, narrow or postpone a test, in the test frameworks of JavaScript/TypeScript, Python, Go and Rust. */
const SKIP_PATTERNS: readonly RegExp[] = [
  /\b(?:it|test|describe|suite|context|bench)\.(?:skip|todo|only|skipIf|runIf|fails)\b/,
  /\b(?:xit|xtest|xdescribe|xcontext|fit|fdescribe|ftest)\s*\(/,
  /[{,]\s*(?:skip|todo|only)\s*:\s*(?:true|["'`])/,
  /\bt\.(?:skip|todo)\s*\(/,
  /@pytest\.mark\.(?:skip|skipif|xfail)\b/,
  /\bpytest\.(?:skip|xfail)\s*\(/,
  /@unittest\.(?:skip|skipIf|skipUnless|expectedFailure)\b/,
  /\b(?:self\.skipTest|unittest\.SkipTest)\b/,
  /\bt\.Skip(?:Now|f)?\s*\(/,
  /#\[ignore\b/,
];

/** Lines that assert something, in the same frameworks. */
const ASSERTION_PATTERNS: readonly RegExp[] = [
  /\bexpect\s*\(/,
  /\bassert/i,
  /\.should\b/,
  /\bt\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(/,
  /\b(?:require|assert)\.\w+\s*\(/,
  /\bpanic!\s*\(/,
];

/** Lines that declare a test. */
const TEST_DECLARATION_PATTERNS: readonly RegExp[] = [
  /\b[xf]?(?:it|test)(?:\.\w+)?\s*\(\s*["'`]/,
  /^\s*(?:async\s+)?def\s+test_?\w*\s*\(/,
  /^\s*func\s+Test\w*\s*\(/,
  /#\[(?:test|tokio::test)\]/,
];

/** Lines that end the test process early, so the tests after them never run yet the runner may exit 0. */
const EARLY_EXIT_PATTERNS: readonly RegExp[] = [
  /\bprocess\s*\.\s*(?:exit|reallyExit|abort)\s*\(/,
  /\bprocess\s*\.\s*kill\s*\(\s*process\s*\.\s*pid/,
  /\bsys\s*\.\s*exit\s*\(/,
  /\bos\s*\.\s*_?exit\s*\(/,
  /\bos\s*\.\s*Exit\s*\(/,
  /\bstd::process::exit\s*\(/,
];

const matchesAny = (patterns: readonly RegExp[]) => (line: string) => patterns.some((pattern) => pattern.test(line));

export const isSkipLine = matchesAny(SKIP_PATTERNS);
export const isAssertionLine = matchesAny(ASSERTION_PATTERNS);
export const isTestDeclarationLine = matchesAny(TEST_DECLARATION_PATTERNS);
export const isEarlyExitLine = matchesAny(EARLY_EXIT_PATTERNS);
