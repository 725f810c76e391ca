import type { SteeringInput } from "../../src/engine/context/steering-selection.js";
import { parseSteering } from "../../src/model/steering/parse-steering.js";

/** A steering input from its name and text, for selection tests on strings. */
export function steeringInput(
  name: string,
  text: string,
  referencedFiles: SteeringInput["referencedFiles"] = [],
): SteeringInput {
  return { path: `.kiro/steering/${name}.md`, document: parseSteering(text), referencedFiles };
}
