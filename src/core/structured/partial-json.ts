import { ColloquyError } from "../errors.js";

/**
 * An incremental JSON parser for streamed model output. Each `push` scans only the new
 * text (no re-parse of what came before) and returns the value so far:
 *
 * - strings appear as they grow (a prefix of the final string);
 * - numbers, `true`, `false` and `null` appear only once complete, so they never change;
 * - an object key appears once its value starts; arrays grow element by element.
 *
 * Partial values are immutable snapshots with structural sharing: finished objects and
 * arrays are shared between snapshots, only the containers still open are copied, and
 * `push` returns the same reference when the new text changed nothing visible.
 */
export interface PartialJsonParser {
  /** Feeds more text; returns the value so far (undefined before anything is visible). */
  push(delta: string): unknown;
  /** The value so far. */
  readonly value: unknown;
  /** Ends the input: returns the complete value, or throws `invalid_json` if incomplete. */
  finish(): unknown;
}

type Container = Record<string, unknown> | unknown[];

/** What a container expects next. */
type Expect = "key-or-end" | "key" | "colon" | "value" | "value-or-end" | "comma-or-end";

interface Frame {
  container: Container;
  isArray: boolean;
  /** The key whose value is being read (objects). */
  key: string;
  expect: Expect;
  /** Cached immutable copy; undefined when something inside changed. */
  snapshot: Container | undefined;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const LITERAL_CHAR = /[0-9a-zA-Z+\-.]/;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * Sets an own data property the way JSON.parse does. Plain assignment would treat a
 * `"__proto__"` key as the prototype setter, dropping the value and changing the object's
 * prototype; model output may hold that key, so it must stay an ordinary field.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** Creates an incremental partial-JSON parser (see `PartialJsonParser`). */
export function createPartialJsonParser(): PartialJsonParser {
  const frames: Frame[] = [];
  let mode: "between" | "string" | "literal" = "between";
  let stringIsKey = false;
  let text = "";
  /** Escape in progress: "" none, "\\" after a backslash, "u" + hex digits so far. */
  let escape = "";
  let literal = "";
  let rootDone = false;
  let rootValue: unknown;
  let position = 0;

  const fail = (what: string): never => {
    throw new ColloquyError(
      "invalid_json",
      `The model's JSON is malformed: ${what} at character ${position}.`,
    );
  };

  const markDirty = () => {
    for (let i = frames.length - 1; i >= 0 && frames[i]!.snapshot !== undefined; i--) {
      frames[i]!.snapshot = undefined;
    }
  };

  const expectingValue = (): boolean => {
    const top = frames[frames.length - 1];
    if (!top) return !rootDone;
    return top.expect === "value" || top.expect === "value-or-end";
  };

  const complete = (value: unknown) => {
    const top = frames[frames.length - 1];
    if (!top) {
      rootValue = value;
      rootDone = true;
      return;
    }
    if (top.isArray) (top.container as unknown[]).push(value);
    else setOwn(top.container as Record<string, unknown>, top.key, value);
    top.expect = "comma-or-end";
    markDirty();
  };

  const finishLiteral = () => {
    let value: unknown;
    if (literal === "true") value = true;
    else if (literal === "false") value = false;
    else if (literal === "null") value = null;
    else if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(literal)) value = Number(literal);
    else fail(`"${literal}" is not a JSON value`);
    literal = "";
    mode = "between";
    complete(value);
  };

  const open = (isArray: boolean) => {
    markDirty();
    frames.push({
      container: isArray ? [] : {},
      isArray,
      key: "",
      expect: isArray ? "value-or-end" : "key-or-end",
      snapshot: undefined,
    });
  };

  const close = () => {
    const frame = frames.pop()!;
    complete(frame.container);
  };

  const between = (c: string) => {
    if (WHITESPACE.has(c)) return;
    const top = frames[frames.length - 1];
    if (expectingValue()) {
      if (c === "{") return open(false);
      if (c === "[") return open(true);
      if (c === '"') {
        mode = "string";
        stringIsKey = false;
        text = "";
        markDirty();
        return;
      }
      if (c === "-" || (c >= "0" && c <= "9") || c === "t" || c === "f" || c === "n") {
        mode = "literal";
        literal = c;
        return;
      }
      if (c === "]" && top?.expect === "value-or-end") return close();
      return fail(`unexpected "${c}" where a value should start`);
    }
    if (!top) return fail(`unexpected "${c}" after the end of the value`);
    switch (top.expect) {
      case "key-or-end":
      case "key":
        if (c === '"') {
          mode = "string";
          stringIsKey = true;
          text = "";
          return;
        }
        if (c === "}" && top.expect === "key-or-end") return close();
        return fail(`unexpected "${c}" where a property name should be`);
      case "colon":
        if (c === ":") {
          top.expect = "value";
          return;
        }
        return fail(`expected ":" but found "${c}"`);
      case "comma-or-end":
        if (c === ",") {
          top.expect = top.isArray ? "value" : "key";
          return;
        }
        if (c === (top.isArray ? "]" : "}")) return close();
        return fail(`expected "," or "${top.isArray ? "]" : "}"}" but found "${c}"`);
      default:
        return fail(`unexpected "${c}"`);
    }
  };

  const endString = () => {
    mode = "between";
    if (stringIsKey) {
      const top = frames[frames.length - 1]!;
      top.key = text;
      top.expect = "colon";
    } else {
      complete(text);
    }
    text = "";
  };

  /** Reads string content from `chunk` at `start`; returns where it stopped. */
  const readString = (chunk: string, start: number): number => {
    let i = start;
    let runStart = i;
    let grew = false;
    const flushRun = (end: number) => {
      if (end > runStart) {
        text += chunk.slice(runStart, end);
        grew = true;
      }
    };
    while (i < chunk.length) {
      const c = chunk[i]!;
      if (escape) {
        if (escape === "\\") {
          if (c === "u") escape = "u";
          else if (c in ESCAPES) {
            text += ESCAPES[c];
            grew = true;
            escape = "";
          } else {
            position += i - start;
            fail(`"\\${c}" is not a valid escape`);
          }
        } else {
          if (!/[0-9a-fA-F]/.test(c)) {
            position += i - start;
            fail(`"${c}" in a \\u escape`);
          }
          escape += c;
          if (escape.length === 5) {
            text += String.fromCharCode(parseInt(escape.slice(1), 16));
            grew = true;
            escape = "";
          }
        }
        i++;
        runStart = i;
        continue;
      }
      if (c === '"') {
        flushRun(i);
        if (grew && !stringIsKey) markDirty();
        endString();
        return i + 1;
      }
      if (c === "\\") {
        flushRun(i);
        escape = "\\";
        i++;
        runStart = i;
        continue;
      }
      if (c < " ") {
        position += i - start;
        fail("a raw control character inside a string");
      }
      i++;
    }
    flushRun(i);
    if (grew && !stringIsKey) markDirty();
    return i;
  };

  const materialize = (index: number): Container => {
    const frame = frames[index]!;
    if (frame.snapshot) return frame.snapshot;
    let child: unknown;
    if (index + 1 < frames.length) child = materialize(index + 1);
    else if (mode === "string" && !stringIsKey) child = text;
    let copy: Container;
    if (frame.isArray) {
      copy = (frame.container as unknown[]).slice();
      if (child !== undefined) copy.push(child);
    } else {
      copy = { ...(frame.container as Record<string, unknown>) };
      if (child !== undefined && (frame.expect === "value" || frame.expect === "value-or-end")) {
        setOwn(copy, frame.key, child);
      }
    }
    frame.snapshot = copy;
    return copy;
  };

  const current = (): unknown => {
    if (frames.length) return materialize(0);
    if (mode === "string" && !stringIsKey) return text;
    return rootDone ? rootValue : undefined;
  };

  return {
    push(delta: string) {
      let i = 0;
      while (i < delta.length) {
        if (mode === "string") {
          const next = readString(delta, i);
          position += next - i;
          i = next;
          continue;
        }
        const c = delta[i]!;
        if (mode === "literal") {
          if (LITERAL_CHAR.test(c)) {
            literal += c;
            i++;
            position++;
            continue;
          }
          finishLiteral();
        }
        between(c);
        i++;
        position++;
      }
      return current();
    },
    get value() {
      return current();
    },
    finish() {
      if (mode === "literal") finishLiteral();
      if (mode === "string" || frames.length || !rootDone) {
        fail("the text ended before the JSON value was complete");
      }
      return rootValue;
    },
  };
}
