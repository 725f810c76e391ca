import type { Rule } from "../rule.js";
import { autoWithoutDescription } from "./auto-without-description.js";
import { commaSeparatedPattern } from "./comma-separated-pattern.js";
import { fileMatchWithoutPattern } from "./file-match-without-pattern.js";
import { frontMatter } from "./front-matter.js";
import { invalidField } from "./invalid-field.js";
import { invalidGlob } from "./invalid-glob.js";
import { missingFileReference } from "./missing-file-reference.js";
import { patternWithOtherMode } from "./pattern-with-other-mode.js";
import { unknownInclusion } from "./unknown-inclusion.js";

export const steeringRules: readonly Rule[] = [
  frontMatter,
  invalidField,
  unknownInclusion,
  fileMatchWithoutPattern,
  commaSeparatedPattern,
  invalidGlob,
  patternWithOtherMode,
  autoWithoutDescription,
  missingFileReference,
];
