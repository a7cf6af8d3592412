import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { serveEmulator, type ServedEmulator } from "./serve-emulator.js";

/**
 * LangChain's ChatOpenAI (`@langchain/openai`), as an application uses it, against
 * `colloquy serve --emulator` over loopback. Each call asserts what the application relies on:
 * text, usage metadata, a tool called with arguments its schema accepts and answered after its
 * ToolMessage, a structured object that parses, web search citations.
 */

let served: ServedEmulator;

beforeAll(async () => {
  served = await serveEmulator();
});
afterAll(() => served.close());

/** A ChatOpenAI pointed at the emulator, with no retries so a wrong answer fails at once. */
function chat(fields: ConstructorParameters<typeof ChatOpenAI>[0] = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: "sk-emulated",
    maxRetries: 0,
    configuration: { baseURL: served.url },
    ...fields,
  });
}

/** The text of a message whose content may be a string or content blocks. */
function textOf(message: BaseMessage): string {
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((block) => ("text" in block && typeof block.text === "string" ? block.text : ""))
    .join("");
}

const Weather = z.object({ location: z.string(), unit: z.enum(["C", "F"]) });
const Person = z.object({ name: z.string(), age: z.number().int(), hobbies: z.array(z.string()) });
/** JSON mode carries no schema, so the prompt shows the object's shape, as LangChain's docs ask. */
const personPrompt =
  'Describe a person as JSON like {"name": "Ada", "age": 36, "hobbies": ["chess"]}';

const weatherTool = tool((input) => `18 degrees ${input.unit} in ${input.location}`, {
  name: "get_weather",
  description: "Current weather at a place",
  schema: Weather,
});

describe("LangChain ChatOpenAI against colloquy serve --emulator", () => {
  it("invoke answers with text and usage metadata", async () => {
    const answer = await chat().invoke("Say hello");
    expect(textOf(answer).length).toBeGreaterThan(0);
    expect(answer.response_metadata.finish_reason).toBe("stop");
    expect(answer.usage_metadata!.input_tokens).toBeGreaterThan(0);
    expect(answer.usage_metadata!.output_tokens).toBeGreaterThan(0);
  });

  it("stream yields chunks that add up to the text of an invoke-like answer", async () => {
    const stream = await chat({ streamUsage: true }).stream("Say hello");
    let whole: AIMessage | undefined;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      whole = whole === undefined ? chunk : (whole as typeof chunk).concat(chunk);
    }
    expect(chunks).toBeGreaterThan(1);
    expect(textOf(whole!).length).toBeGreaterThan(0);
    expect(whole!.usage_metadata!.output_tokens).toBeGreaterThan(0);
  });

  it("batch answers every prompt, in order", async () => {
    const answers = await chat().batch(["Say hello", "Write a haiku about the sea"]);
    expect(answers).toHaveLength(2);
    for (const answer of answers) expect(textOf(answer).length).toBeGreaterThan(0);
  });

  it("bindTools round trip: a tool call whose args validate, then a ToolMessage and an answer", async () => {
    const model = chat().bindTools([weatherTool]);
    const question = new HumanMessage("What is the weather in Paris?");
    const first = await model.invoke([question]);
    expect(first.tool_calls).toHaveLength(1);
    const call = first.tool_calls![0]!;
    expect(call.name).toBe("get_weather");
    const args = Weather.parse(call.args);
    expect(args.location).toContain("Paris");
    const result = await weatherTool.invoke(call);
    expect(result).toBeInstanceOf(ToolMessage);
    const second = await model.invoke([question, first, result]);
    expect(second.tool_calls ?? []).toHaveLength(0);
    expect(textOf(second)).toContain(`18 degrees ${args.unit} in ${args.location}`);
  });

  describe.each(["jsonSchema", "functionCalling", "jsonMode"] as const)(
    "withStructuredOutput (method %s)",
    (method) => {
      it("returns an object the schema accepts", async () => {
        const model = chat().withStructuredOutput(Person, { method, name: "person" });
        const person = await model.invoke(personPrompt);
        expect(Person.parse(person)).toEqual(person);
      });

      it("with includeRaw returns the parsed object and the raw message", async () => {
        const model = chat().withStructuredOutput(Person, {
          method,
          name: "person",
          includeRaw: true,
        });
        const { raw, parsed } = await model.invoke(personPrompt);
        expect(Person.parse(parsed)).toEqual(parsed);
        expect(raw).toBeInstanceOf(AIMessage);
        expect((raw as AIMessage).usage_metadata!.output_tokens).toBeGreaterThan(0);
      });
    },
  );

  it("useResponsesApi with the web_search tool answers with text and url citations", async () => {
    const model = chat({ model: "gpt-4.1-mini", useResponsesApi: true }).bindTools([
      { type: "web_search" },
    ]);
    const answer = await model.invoke("Search the latest news about the Moon");
    expect(textOf(answer).length).toBeGreaterThan(0);
    expect(Array.isArray(answer.content)).toBe(true);
    // LangChain turns OpenAI's url_citation annotations into its own citation blocks.
    const blocks = answer.content as { annotations?: { source?: string; url?: string }[] }[];
    const citations = blocks
      .flatMap((block) => block.annotations ?? [])
      .filter((annotation) => annotation.source === "url_citation");
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) expect(citation.url).toMatch(/^https:\/\//);
    const searches = answer.additional_kwargs.tool_outputs as { type: string }[] | undefined;
    expect(searches?.some((output) => output.type === "web_search_call")).toBe(true);
    expect(answer.usage_metadata!.output_tokens).toBeGreaterThan(0);
  });
});
