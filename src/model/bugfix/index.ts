export { bugfixGroupOfTitle } from "./bugfix-section-title.js";
export {
  BUGFIX_GROUPS,
  type BugfixClause,
  type BugfixDocument,
  type BugfixGroup,
  type BugfixSection,
} from "./bugfix-types.js";
export { mayHoldBugAnalysis, parseBugfix } from "./parse-bugfix.js";
