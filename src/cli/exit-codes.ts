/** Exit codes, decided here and nowhere else. */
export const EXIT_SUCCESS = 0;
/** Findings, or an action the engine refused (unknown spec, unreadable file). */
export const EXIT_FINDINGS = 1;
/** A malformed command line, or a fault in Specwright itself. */
export const EXIT_USAGE = 2;
