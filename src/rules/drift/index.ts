import type { Rule } from "../rule.js";
import { criterionChangedAfterDone } from "./criterion-changed-after-done.js";
import { renumberedReference } from "./renumbered-reference.js";

/** Rules that compare a spec's documents with the versions that were approved. */
export const driftRules: readonly Rule[] = [criterionChangedAfterDone, renumberedReference];
