import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, isToolDefinition } from "../../../src/core/tools/define-tool.js";
import { parseToolArguments } from "../../../src/core/tools/parse-tool-arguments.js";
import { toChatTools, toResponsesTools } from "../../../src/core/tools/to-wire-tools.js";
import { ColloquyError } from "../../../src/core/errors.js";

const search = defineTool({
  name: "search_flights",
  description: "Find flights",
  parameters: z.object({
    from: z.string().describe("IATA code"),
    to: z.string(),
    date: z.string().optional(),
    passengers: z.object({ adults: z.number().int(), children: z.number().int().optional() }),
    cabin: z.enum(["economy", "business"]).optional(),
  }),
  execute: async ({ from, to }) => ({ flights: [`${from}-${to}`] }),
});

describe("defineTool", () => {
  it("builds a strict JSON Schema: every property required, optionals nullable, no extra properties", () => {
    expect(search.jsonSchema()).toEqual({
      type: "object",
      properties: {
        from: { type: "string", description: "IATA code" },
        to: { type: "string" },
        date: { type: ["string", "null"] },
        passengers: {
          type: "object",
          properties: {
            adults: { type: "integer", minimum: expect.any(Number), maximum: expect.any(Number) },
            children: {
              type: ["integer", "null"],
              minimum: expect.any(Number),
              maximum: expect.any(Number),
            },
          },
          required: ["adults", "children"],
          additionalProperties: false,
        },
        cabin: { type: ["string", "null"], enum: ["economy", "business", null] },
      },
      required: ["from", "to", "date", "passengers", "cabin"],
      additionalProperties: false,
    });
  });

  it("builds the schema once and caches it", () => {
    expect(search.jsonSchema()).toBe(search.jsonSchema());
  });

  it("keeps the schema as is when not strict", () => {
    const loose = defineTool({
      name: "t",
      parameters: z.object({ a: z.string().optional() }),
      strict: false,
    });
    expect(loose.jsonSchema()).toEqual({ type: "object", properties: { a: { type: "string" } } });
  });

  it("rejects names OpenAI would reject", () => {
    expect(() => defineTool({ name: "has space", parameters: z.object({}) })).toThrowError(
      ColloquyError,
    );
  });

  it("is recognised as a tool definition, built-in tools are not", () => {
    expect(isToolDefinition(search)).toBe(true);
    expect(isToolDefinition({ type: "web_search" })).toBe(false);
  });

  it("runs execute with typed arguments", async () => {
    await expect(
      search.execute!(
        { from: "AMS", to: "LIS", passengers: { adults: 1 } },
        { toolCallId: "call_1" },
      ),
    ).resolves.toEqual({ flights: ["AMS-LIS"] });
  });
});

describe("wire shapes", () => {
  it("Chat Completions nests the function", () => {
    const { value, warnings } = toChatTools([search]);
    expect(warnings).toEqual([]);
    expect(value).toEqual([
      {
        type: "function",
        function: {
          name: "search_flights",
          description: "Find flights",
          parameters: search.jsonSchema(),
          strict: true,
        },
      },
    ]);
  });

  it("Responses keeps the function flat and built-ins verbatim", () => {
    const mcp = {
      type: "mcp" as const,
      server_label: "docs",
      server_url: "https://mcp.test",
      require_approval: "never" as const,
    };
    expect(toResponsesTools([search, mcp])).toEqual([
      {
        type: "function",
        name: "search_flights",
        description: "Find flights",
        parameters: search.jsonSchema(),
        strict: true,
      },
      mcp,
    ]);
  });
});

describe("parseToolArguments", () => {
  it("parses valid arguments, turning strict-mode nulls back into absent optionals", () => {
    const result = parseToolArguments(
      search,
      JSON.stringify({
        from: "AMS",
        to: "LIS",
        date: null,
        passengers: { adults: 2, children: null },
        cabin: null,
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: { from: "AMS", to: "LIS", passengers: { adults: 2 } },
    });
  });

  it("names the bad fields", () => {
    const result = parseToolArguments(
      search,
      JSON.stringify({ from: 1, passengers: { adults: "two" } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/Invalid arguments for tool "search_flights"/);
    expect(result.error).toMatch(/from: /);
    expect(result.error).toMatch(/to: /);
    expect(result.error).toMatch(/passengers\.adults: /);
  });

  it("reports text that is not JSON", () => {
    const result = parseToolArguments(search, '{"from": "AMS"');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });

  it("accepts any Standard Schema with JSON Schema, not only zod", () => {
    const evenOnly = {
      "~standard": {
        version: 1 as const,
        vendor: "hand-made",
        validate: (value: unknown) =>
          typeof value === "object" && value !== null && (value as { n?: unknown }).n === 2
            ? { value: value as { n: number } }
            : { issues: [{ message: "n must be 2", path: ["n"] }] },
        jsonSchema: {
          input: () => ({ type: "object", properties: { n: { type: "number" } }, required: ["n"] }),
        },
      },
    };
    const tool = defineTool({ name: "even", parameters: evenOnly });
    expect(tool.jsonSchema()).toEqual({
      type: "object",
      properties: { n: { type: "number" } },
      required: ["n"],
      additionalProperties: false,
    });
    expect(parseToolArguments(tool, '{"n": 2}')).toEqual({ ok: true, value: { n: 2 } });
    expect(parseToolArguments(tool, '{"n": 3}')).toEqual({
      ok: false,
      error: 'Invalid arguments for tool "even": n: n must be 2.',
    });
  });
});
