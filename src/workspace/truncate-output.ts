/**
 * Output capping, in one place: shell commands, verification and every agent tool cut long text the same
 * way, keeping the head and the tail (a failing test prints its summary last, a crash its cause first)
 * and saying in the text how much was left out, so neither a person nor a model mistakes it for the whole.
 */

/** A share of the budget for the head; the tail gets the rest because summaries come last. */
const HEAD_SHARE = 0.4;

export interface TruncatedOutput {
  readonly text: string;
  readonly truncated: boolean;
  /** Bytes (UTF-8) of the original that are not in `text`. */
  readonly omittedBytes: number;
  /** Bytes (UTF-8) of the original. */
  readonly totalBytes: number;
}

/** `text` when it fits in `maxBytes` UTF-8 bytes, else its head and tail around a note naming the cut. */
export function truncateOutput(text: string, maxBytes: number): TruncatedOutput {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.byteLength <= maxBytes) {
    return { text, truncated: false, omittedBytes: 0, totalBytes: bytes.byteLength };
  }
  const collector = new OutputCollector(maxBytes);
  collector.push(bytes);
  return collector.finish();
}

/**
 * Collects a stream of bytes (a process's stdout and stderr, in arrival order) into at most `maxBytes`
 * of head and tail, so a command printing gigabytes costs bounded memory.
 */
export class OutputCollector {
  readonly #headLimit: number;
  readonly #tailLimit: number;
  #head: Buffer[] = [];
  #headBytes = 0;
  #tail: Buffer[] = [];
  #tailBytes = 0;
  #totalBytes = 0;

  constructor(maxBytes: number) {
    const limit = Math.max(0, Math.floor(maxBytes));
    this.#headLimit = Math.floor(limit * HEAD_SHARE);
    this.#tailLimit = limit - this.#headLimit;
  }

  push(chunk: Uint8Array): void {
    let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.#totalBytes += rest.byteLength;
    const headRoom = this.#headLimit - this.#headBytes;
    if (headRoom > 0) {
      const taken = rest.subarray(0, headRoom);
      this.#head.push(Buffer.from(taken));
      this.#headBytes += taken.byteLength;
      rest = rest.subarray(taken.byteLength);
    }
    if (rest.byteLength === 0) return;
    this.#tail.push(Buffer.from(rest));
    this.#tailBytes += rest.byteLength;
    this.#trimTail();
  }

  finish(): TruncatedOutput {
    const head = Buffer.concat(this.#head);
    const tail = Buffer.concat(this.#tail);
    const keptBytes = head.byteLength + tail.byteLength;
    if (keptBytes === this.#totalBytes) {
      return {
        text: Buffer.concat([head, tail]).toString("utf8"),
        truncated: false,
        omittedBytes: 0,
        totalBytes: this.#totalBytes,
      };
    }
    // Cut on character boundaries so no replacement characters appear at the seams.
    const headText = head.subarray(0, characterEnd(head)).toString("utf8");
    const tailText = tail.subarray(characterStart(tail)).toString("utf8");
    const shown = Buffer.byteLength(headText) + Buffer.byteLength(tailText);
    const omittedBytes = this.#totalBytes - shown;
    return {
      text: `${headText}${truncationNote(omittedBytes, this.#totalBytes)}${tailText}`,
      truncated: true,
      omittedBytes,
      totalBytes: this.#totalBytes,
    };
  }

  #trimTail(): void {
    while (this.#tailBytes > this.#tailLimit) {
      const first = this.#tail[0];
      if (first === undefined) return;
      const excess = this.#tailBytes - this.#tailLimit;
      if (first.byteLength <= excess) {
        this.#tail.shift();
        this.#tailBytes -= first.byteLength;
      } else {
        this.#tail[0] = first.subarray(excess);
        this.#tailBytes -= excess;
      }
    }
  }
}

/** The note put where output was cut; a model reads it, so it says what to do to see the rest. */
export function truncationNote(omittedBytes: number, totalBytes: number): string {
  return `\n[… output truncated: ${omittedBytes} of ${totalBytes} bytes omitted from the middle; narrow the command or read a smaller range to see them …]\n`;
}

function isContinuationByte(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0b1100_0000) === 0b1000_0000;
}

/** Length of `bytes` without a character cut at its end. */
function characterEnd(bytes: Buffer): number {
  let end = bytes.byteLength;
  let back = 0;
  while (back < 4 && end - back - 1 >= 0 && isContinuationByte(bytes[end - back - 1])) back += 1;
  const leadIndex = end - back - 1;
  const lead = bytes[leadIndex];
  if (lead === undefined || lead < 0b1100_0000) return end;
  const expected = lead >= 0b1111_0000 ? 4 : lead >= 0b1110_0000 ? 3 : 2;
  if (back + 1 < expected) end = leadIndex;
  return end;
}

/** Index of the first whole character in `bytes`. */
function characterStart(bytes: Buffer): number {
  let start = 0;
  while (start < 4 && isContinuationByte(bytes[start])) start += 1;
  return start;
}
