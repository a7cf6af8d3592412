import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "../../../src/core/validation-error.js";
import { defineTool } from "../../../src/core/tools/define-tool.js";
import { documentedSetup } from "./support.js";

const setup = documentedSetup();

const Movie = z.object({
  title: z.string().describe("The title of the movie"),
  year: z.number().int().describe("The year the movie was released"),
  director: z.string().describe("The director of the movie"),
  rating: z.number().describe("The movie's rating out of 10"),
});

const OutputSchema = z.object({ answer: z.string(), justification: z.string() });

const getWeather = defineTool({
  name: "get_weather",
  description: "Get weather at a location.",
  parameters: z.object({ location: z.string() }),
});

describe("documentation: Structured output", () => {
  for (const api of ["chat", "responses"] as const) {
    it(`documented: structured output, with_structured_output(Movie, method="json_schema") returns a valid Movie (${api})`, async () => {
      const structured = setup.client({ api }).withStructuredOutput(Movie, {
        method: "json_schema",
        name: "Movie",
        description: "A movie with details.",
      });
      const movie = await structured.invoke("Provide details about the movie Inception");
      expect(Movie.safeParse(movie).success).toBe(true);
      const body = setup.sent.at(-1)!.body;
      if (api === "chat") {
        expect(body.response_format).toMatchObject({
          type: "json_schema",
          json_schema: { name: "Movie", strict: true },
        });
      } else {
        expect(body.text).toMatchObject({
          format: { type: "json_schema", name: "Movie", strict: true },
        });
      }
    });
  }

  it('documented: structured output, method="function_calling" forces the schema as a tool and returns a valid Movie', async () => {
    const structured = setup.client({ api: "chat" }).withStructuredOutput(Movie, {
      method: "function_calling",
      name: "Movie",
    });
    const movie = await structured.invoke("Provide details about the movie Inception");
    expect(Movie.safeParse(movie).success).toBe(true);
    const body = setup.sent.at(-1)!.body;
    expect(body.tools).toMatchObject([{ type: "function", function: { name: "Movie" } }]);
    expect(body.tool_choice).toMatchObject({ type: "function", function: { name: "Movie" } });
  });

  it('documented: structured output, method="json_mode" asks for a JSON object and returns a valid Movie', async () => {
    const structured = setup.client({ api: "chat" }).withStructuredOutput(Movie, {
      method: "json_mode",
    });
    const movie = await structured.invoke(
      "Provide details about the movie Inception. Respond in JSON with the keys title, year, director and rating.",
    );
    expect(Movie.safeParse(movie).success).toBe(true);
    expect(setup.sent.at(-1)!.body.response_format).toEqual({ type: "json_object" });
  });

  it("documented: structured output, include_raw=True returns the raw message beside the parsed Movie", async () => {
    const structured = setup.client({ api: "chat" }).withStructuredOutput(Movie, {
      includeRaw: true,
      name: "Movie",
    });
    const result = await structured.invoke("Provide details about the movie Inception");
    expect(result.parsingError).toBeUndefined();
    expect(Movie.safeParse(result.parsed).success).toBe(true);
    expect(result.raw.role).toBe("assistant");
    expect(result.raw.parts.some((part) => part.type === "text")).toBe(true);
  });

  it("documented: structured output, include_raw=True gives parsed: null and the parsing error when the answer fails validation", async () => {
    // A rule JSON Schema cannot say, so the model's (schema-valid) answer breaks it.
    const Strict = Movie.refine((movie) => movie.title === "a title no answer has", {
      message: "not the expected title",
    });
    const structured = setup.client({ api: "chat" }).withStructuredOutput(Strict, {
      includeRaw: true,
      name: "Movie",
    });
    const result = await structured.invoke("Provide details about the movie Inception");
    expect(result.parsed).toBeNull();
    expect(result.parsingError).toBeInstanceOf(ValidationError);
    expect(result.raw.role).toBe("assistant");
  });

  it("documented: structured output with tool calls, 'What is the weather in SF?' gives the tool call and the riddle gives a valid OutputSchema", async () => {
    const structured = setup.client({ api: "chat" }).withStructuredOutput(OutputSchema, {
      tools: [getWeather],
      name: "OutputSchema",
      strict: true,
    });
    const toolCallResponse = await structured.invoke("What is the weather in SF?");
    expect(toolCallResponse.type).toBe("tool-calls");
    if (toolCallResponse.type !== "tool-calls") return;
    expect(toolCallResponse.calls[0]!.toolName).toBe("get_weather");
    expect(toolCallResponse.calls[0]!.input).toMatchObject({ location: expect.any(String) });

    const structuredResponse = await structured.invoke(
      "What weighs more, a pound of feathers or a pound of gold?",
    );
    expect(structuredResponse.type).toBe("object");
    if (structuredResponse.type !== "object") return;
    expect(OutputSchema.safeParse(structuredResponse.value).success).toBe(true);
    const body = setup.sent.at(-1)!.body;
    expect(body.tools).toMatchObject([{ function: { name: "get_weather", strict: true } }]);
    expect(body.response_format).toMatchObject({ type: "json_schema" });
  });

  it("documented: structured output, streaming gives partial Movies and then the valid Movie", async () => {
    const structured = setup
      .client({ api: "responses" })
      .withStructuredOutput(Movie, { name: "Movie" });
    const updates = [];
    for await (const update of structured.stream("Provide details about the movie Inception")) {
      updates.push(update);
    }
    const final = updates.at(-1)!;
    expect(final.type).toBe("final");
    expect(Movie.safeParse(final.type === "final" && final.value).success).toBe(true);
    expect(updates.some((update) => update.type === "partial")).toBe(true);
  });
});
