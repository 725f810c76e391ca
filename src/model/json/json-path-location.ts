import type { Node as JsonNode } from "jsonc-parser";
import type { SourceLocation } from "../source/source-location.js";
import { createOffsetLocator } from "../source/source-text.js";
import type { JsonPath } from "./json-path.js";
import type { JsonText } from "./parse-json.js";

/** Which part of an object property a location should cover. */
export type JsonLocationTarget = "value" | "key" | "property";

/** The syntax-tree node a path leads to, or the deepest node that exists on the way (and how far it got). */
export interface JsonPathMatch {
  readonly node: JsonNode;
  /** How many path segments were matched; less than the path length when the path goes beyond the text. */
  readonly depth: number;
  /** The object property node holding `node`, when the last matched segment was an object key. */
  readonly property: JsonNode | undefined;
}

export function findJsonPath(root: JsonNode, path: JsonPath): JsonPathMatch {
  let node = root;
  let property: JsonNode | undefined;
  let depth = 0;
  for (const segment of path) {
    const next = childAt(node, segment);
    if (!next) break;
    node = next.node;
    property = next.property;
    depth++;
  }
  return { node, depth, property };
}

function childAt(node: JsonNode, segment: string | number): { node: JsonNode; property?: JsonNode } | undefined {
  if (node.type === "array" && typeof segment === "number") {
    const child = node.children?.[segment];
    return child ? { node: child } : undefined;
  }
  if (node.type === "object") {
    const property = propertiesByName(node).get(String(segment));
    const value = property?.children?.[1];
    return property && value ? { node: value, property } : undefined;
  }
  return undefined;
}

/** Each object's properties by name, built once: a file with 50,000 keys is looked up 50,000 times. */
const propertyIndexes = new WeakMap<JsonNode, Map<string, JsonNode>>();

function propertiesByName(object: JsonNode): Map<string, JsonNode> {
  let index = propertyIndexes.get(object);
  if (index === undefined) {
    index = new Map();
    // The last property of a name wins, as in JSON.parse.
    for (const child of object.children ?? []) {
      const name = child.children?.[0]?.value;
      if (typeof name === "string") index.set(name, child);
    }
    propertyIndexes.set(object, index);
  }
  return index;
}

/** One locator per text: building one indexes every line, so per lookup it would make many lookups quadratic. */
const locators = new WeakMap<JsonText["source"], ReturnType<typeof createOffsetLocator>>();

function locatorOf(source: JsonText["source"]): ReturnType<typeof createOffsetLocator> {
  let locate = locators.get(source);
  if (locate === undefined) {
    locate = createOffsetLocator(source);
    locators.set(source, locate);
  }
  return locate;
}

/**
 * Where the node at `path` sits in the text. When the path does not exist (a missing property), the
 * location is that of the deepest node that does, so a "missing field" problem points at its object.
 * An empty text gives the start of the file.
 */
export function jsonPathLocation(
  json: Pick<JsonText, "root" | "source">,
  path: JsonPath,
  target: JsonLocationTarget = "value",
): SourceLocation {
  const locate = locatorOf(json.source);
  if (!json.root) return locate(json.source.bom ? 1 : 0);
  const match = findJsonPath(json.root, path);
  const complete = match.depth === path.length;
  let node = match.node;
  if (complete && match.property && target !== "value") {
    node = target === "key" ? (match.property.children?.[0] ?? match.property) : match.property;
  }
  return locate(node.offset, node.offset + node.length);
}
