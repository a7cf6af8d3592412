import { describe, expect, it } from "vitest";
import { createByteScrubber } from "../../src/server/proxy/scrub-answer.js";
import { scrubSecrets, secretMatcher } from "../../src/server/proxy/scrub-secrets.js";

const KEY = "sk-split-test-key-0123456789ABCDEF";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe("the stream scrubber", () => {
  it("redacts a key split between two chunks at every byte", () => {
    const event = `data: {"delta":"é ${KEY} ü"}\n\n`;
    const bytes = encoder.encode(event);
    for (let cut = 1; cut < bytes.byteLength; cut++) {
      const scrubber = createByteScrubber(secretMatcher([KEY])!);
      const out = [
        scrubber.push(bytes.subarray(0, cut)),
        scrubber.push(bytes.subarray(cut)),
        scrubber.flush(),
      ];
      const text = out.map((part) => decoder.decode(part, { stream: true })).join("");
      expect(text, `cut at ${cut}`).toBe(`data: {"delta":"é [redacted] ü"}\n\n`);
    }
  });

  it("holds nothing back once an event has ended", () => {
    const scrubber = createByteScrubber(secretMatcher([KEY])!);
    const event = encoder.encode('data: {"delta":"sk-split"}\n\n');
    expect(scrubber.push(event).byteLength).toBe(event.byteLength);
  });

  it("keeps bytes that are not UTF-8 exactly as they came", () => {
    const scrubber = createByteScrubber(secretMatcher([KEY])!);
    const bytes = new Uint8Array([0x80, 0x9f, 0xff, 0x0a, 0x0a]);
    expect([...scrubber.push(bytes)]).toEqual([...bytes]);
  });

  it("leaves short strings alone: a secret under 8 characters is never searched for", () => {
    expect(scrubSecrets("a short key", ["short"])).toBe("a short key");
  });
});
