import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createPartialJsonParser } from "../../../src/core/structured/partial-json.js";
import { ColloquyError } from "../../../src/core/errors.js";

/** True when `partial` could grow into `final`: strings are prefixes, containers sub-values. */
function isSanePartial(partial: unknown, final: unknown): boolean {
  if (partial === undefined) return true;
  if (typeof partial === "string") return typeof final === "string" && final.startsWith(partial);
  if (Array.isArray(partial)) {
    if (!Array.isArray(final) || partial.length > final.length) return false;
    return partial.every((item, index) =>
      index === partial.length - 1
        ? isSanePartial(item, final[index])
        : Object.is(item, final[index]) || isSanePartial(item, final[index]),
    );
  }
  if (partial !== null && typeof partial === "object") {
    if (final === null || typeof final !== "object" || Array.isArray(final)) return false;
    return Object.entries(partial).every(
      ([key, value]) =>
        key in final && isSanePartial(value, (final as Record<string, unknown>)[key]),
    );
  }
  return Object.is(partial, final);
}

/** Splits `text` at the given cut points. */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  pieces.push(text.slice(start));
  return pieces;
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });

describe("createPartialJsonParser", () => {
  it("ends with the value JSON.parse gives, whatever the split", () => {
    fc.assert(
      fc.property(
        jsonValue,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        (value, cuts, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined);
          const parser = createPartialJsonParser();
          for (const piece of split(text, cuts)) parser.push(piece);
          expect(parser.finish()).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives a sane partial for every prefix, fed one character at a time", () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const text = JSON.stringify(value);
        const final = JSON.parse(text) as unknown;
        const parser = createPartialJsonParser();
        for (const char of text) {
          const partial = parser.push(char);
          expect(isSanePartial(partial, final)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a "__proto__" key as an ordinary field, as JSON.parse does', () => {
    const text = '{"__proto__":{"polluted":true},"a":[{"__proto__":null}]}';
    const expected = JSON.parse(text) as unknown;
    for (let i = 0; i <= text.length; i++) {
      const parser = createPartialJsonParser();
      parser.push(text.slice(0, i));
      const partial = parser.push(text.slice(i));
      expect(partial).toEqual(expected);
      expect(Object.getPrototypeOf(partial)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it("reads escapes split anywhere, including \\u escapes and surrogate pairs", () => {
    const text = JSON.stringify({ s: 'a"b\\c\n\u00e9\ud83d\ude00/\t' });
    for (let i = 0; i <= text.length; i++) {
      const parser = createPartialJsonParser();
      parser.push(text.slice(0, i));
      parser.push(text.slice(i));
      expect(parser.finish()).toEqual(JSON.parse(text));
    }
  });

  it("shows strings as they grow and numbers only once complete", () => {
    const parser = createPartialJsonParser();
    expect(parser.push('{"name": "Ad')).toEqual({ name: "Ad" });
    expect(parser.push('a", "age": 3')).toEqual({ name: "Ada" });
    expect(parser.push("6, ")).toEqual({ name: "Ada", age: 36 });
    expect(parser.push('"tags": [')).toEqual({ name: "Ada", age: 36, tags: [] });
    expect(parser.push('"x", tr')).toEqual({ name: "Ada", age: 36, tags: ["x"] });
    expect(parser.push("ue]}")).toEqual({ name: "Ada", age: 36, tags: ["x", true] });
    expect(parser.finish()).toEqual({ name: "Ada", age: 36, tags: ["x", true] });
  });

  it("shares finished containers between snapshots and keeps the reference when nothing changed", () => {
    const parser = createPartialJsonParser();
    const first = parser.push('{"done": {"a": [1, 2]}, "open": "x') as Record<string, unknown>;
    const second = parser.push('y"') as Record<string, unknown>;
    expect(second).not.toBe(first);
    expect(second.done).toBe(first.done);
    expect(second.open).toBe("xy");
    expect(parser.push("   ")).toBe(second);
    expect(first.open).toBe("x");
  });

  it("reports malformed JSON as invalid_json with the position", () => {
    const parser = createPartialJsonParser();
    expect(() => parser.push('{"a" 1}')).toThrowError(ColloquyError);
    const incomplete = createPartialJsonParser();
    incomplete.push('{"a": [1');
    expect(() => incomplete.finish()).toThrowError(/ended before the JSON value was complete/);
    expect(() => createPartialJsonParser().push("[1,]")).toThrowError(/where a value should start/);
  });

  it("reads a top-level number at finish", () => {
    const parser = createPartialJsonParser();
    expect(parser.push("12")).toBeUndefined();
    expect(parser.push("3.5")).toBeUndefined();
    expect(parser.finish()).toBe(123.5);
  });
});
