import { indentWidth, type MarkdownLine } from "../markdown/scan-markdown.js";
import { FILE_START, type SourceLocation } from "../source/source-location.js";
import { skipSpacesAndTabs } from "../text/whitespace.js";
import { isThematicBreak, spanLocation } from "./span-location.js";

/** One top-level item of a numbered or bulleted list, with its continuation lines and nested items. */
export interface ListedItem {
  /** The number as written without its trailing dot (`3`, `2.3`); undefined for a bullet. */
  readonly rawNumber?: string;
  /** The text without the marker (and without a `[ ]` checkbox), continuation lines joined. */
  readonly text: string;
  /** Indexes (into the scanned lines) of the item's first and last line. */
  readonly firstIndex: number;
  readonly lastIndex: number;
  /** From the marker to the end of the last line. */
  readonly location: SourceLocation;
}

/**
 * `1.`, `1)`, `2.3`, `2.3.` (Kiro numbers criteria and bugfix clauses this way, and `2.3 text` is not a
 * list item for CommonMark, so the markdown scanner does not see it) and `-`, `*`, `+` bullets.
 */
const ITEM = /^([ \t]*)(?:(\d+(?:\.\d+)+)\.?|(\d+)[.)]|([-*+]))(?:[ \t]+(.*))?$/;
const CHECKBOX = /^\[[ xX~-]\]\*?\s*/;

interface Draft {
  readonly rawNumber: string | undefined;
  readonly markerIndex: number;
  readonly contentWidth: number;
  readonly firstIndex: number;
  lastIndex: number;
  /** The text so far; continuation lines are appended (cheap in V8, which joins the pieces lazily). */
  text: string;
}

/**
 * Reads the list items in lines [from, to). An item continues over following lines that are indented
 * under it, nested list items, and lazy continuation lines (text right below it without a blank line);
 * unindented text after a blank line ends it. Headings end the range.
 */
export function readListItems(lines: readonly MarkdownLine[], from: number, to: number): ListedItem[] {
  const items: ListedItem[] = [];
  let current: Draft | undefined;
  let previousBlank = false;
  // Width of the first item's marker: an item indented deeper is nested, even under a `1.1.` item whose
  // content column CommonMark would put further right.
  let topWidth: number | undefined;
  const close = (): void => {
    if (current) items.push(finish(lines, current));
    current = undefined;
  };
  for (let index = from; index < Math.min(to, lines.length); index++) {
    const entry = lines[index];
    if (!entry) continue;
    const { line, kind } = entry;
    if (kind.type === "heading") break;
    if (kind.type === "blank") {
      previousBlank = true;
      continue;
    }
    const width = indentWidth(line.text);
    if (kind.type === "code" || kind.type === "fence") {
      if (current && (width >= current.contentWidth || kind.type === "code")) {
        current.lastIndex = index;
        current.text += `\n${line.text.trim()}`;
      } else if (kind.type === "fence" && kind.opens) {
        close();
      }
      previousBlank = false;
      continue;
    }
    const match = canStartItem(line.text) && !isThematicBreak(line.text) ? ITEM.exec(line.text) : null;
    const topLevel = current === undefined || (width < current.contentWidth && width <= (topWidth ?? width) + 1);
    if (match && topLevel) {
      close();
      topWidth ??= width;
      const leading = match[1] ?? "";
      const marker = match[2] ?? match[3] ?? match[4] ?? "";
      // The marker starts right after the leading whitespace; a `.` or `)` and spaces may follow it.
      const markerEnd = leading.length + marker.length;
      const gap = gapLength(line.text, markerEnd);
      const content = match[5] ?? "";
      current = {
        rawNumber: match[2] ?? match[3],
        markerIndex: leading.length,
        contentWidth: indentWidth(leading) + (markerEnd - leading.length) + Math.max(1, gap),
        firstIndex: index,
        lastIndex: index,
        text: (content.charCodeAt(0) === 91 ? content.replace(CHECKBOX, "") : content).trim(), // [
      };
    } else if (current && (width >= current.contentWidth || !previousBlank || match)) {
      current.lastIndex = index;
      current.text += match ? `\n${line.text.trim()}` : ` ${line.text.trim()}`;
    } else {
      close();
    }
    previousBlank = false;
  }
  close();
  return items;
}

function finish(lines: readonly MarkdownLine[], draft: Draft): ListedItem {
  const first = lines[draft.firstIndex]?.line;
  const last = lines[draft.lastIndex]?.line ?? first;
  const text = draft.text.trim();
  const location: SourceLocation = first && last ? spanLocation(first, draft.markerIndex, last) : FILE_START;
  // Two literals rather than a conditional spread: V8 builds these much faster, with the same key order.
  const { rawNumber, firstIndex, lastIndex } = draft;
  return rawNumber !== undefined
    ? { rawNumber, text, firstIndex, lastIndex, location }
    : { text, firstIndex, lastIndex, location };
}

/** `/^[.)]?[ \t]*\/` matched at `from`: the length of what separates a marker from the item's text. */
function gapLength(text: string, from: number): number {
  let index = from;
  const code = text.charCodeAt(index);
  if (code === 46 || code === 41) index++; // . )
  return skipSpacesAndTabs(text, index) - from;
}

/** Whether ITEM can match: after spaces and tabs, a digit or a bullet must come first. */
function canStartItem(text: string): boolean {
  const code = text.charCodeAt(skipSpacesAndTabs(text));
  return (code >= 48 && code <= 57) || code === 45 || code === 42 || code === 43; // 0-9 - * +
}
