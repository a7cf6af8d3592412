import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCENARIOS } from "../../src/testing/index.js";
import { emulator, post } from "./support.js";

// A model cannot call a tool it was not given: whatever words a prompt holds, a request that
// declares no tools gets a message, never a call. The corpus mixes every scenario keyword
// (in any case, alone or several at once) into ordinary sentences.
const keywords = SCENARIOS.flatMap((scenario) => scenario.keywords);
const filler = ["please", "could you", "the", "now", "for me", "and then", "on screen", "today"];

const prompt = fc
  .tuple(
    fc.array(fc.constantFrom(...keywords), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(...filler), { maxLength: 4 }),
    fc.boolean(),
  )
  .map(([picked, words, shout]) => {
    const text = [...words.slice(0, 2), ...picked, ...words.slice(2)].join(" ") + "?";
    return shout ? text.toUpperCase() : text;
  });

const handler = emulator();

describe("a request that declares no tools", () => {
  it("every scenario keyword appears in the corpus", () => {
    const sample = fc.sample(prompt, { numRuns: 400, seed: 7 }).join(" ").toLowerCase();
    for (const keyword of keywords) expect(sample).toContain(keyword.toLowerCase());
  });

  it("never yields a tool call on the Responses API, over 200 prompts", async () => {
    await fc.assert(
      fc.asyncProperty(prompt, async (input) => {
        const response = await post(handler, "/v1/responses", { model: "gpt-4.1-mini", input });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { output: { type: string }[] };
        expect(body.output.map((item) => item.type)).toEqual(["message"]);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("never yields a tool call on Chat Completions, over 200 prompts", async () => {
    await fc.assert(
      fc.asyncProperty(prompt, async (content) => {
        const response = await post(handler, "/v1/chat/completions", {
          model: "gpt-4.1-mini",
          messages: [{ role: "user", content }],
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          choices: { finish_reason: string; message: { tool_calls?: unknown[] } }[];
        };
        expect(body.choices[0]!.message.tool_calls ?? []).toEqual([]);
        expect(body.choices[0]!.finish_reason).not.toBe("tool_calls");
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
