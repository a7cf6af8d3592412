import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type {
  ChatClient,
  DeepPartial,
  StructuredOrToolCalls,
  StructuredStreamUpdate,
  StructuredWithRaw,
} from "../../../src/core/client/types.js";
import type { Message } from "../../../src/core/model/message.js";

declare const client: ChatClient;
const Person = z.object({
  name: z.string(),
  tags: z.array(z.string()),
  address: z.object({ city: z.string() }),
});
type Person = z.infer<typeof Person>;

describe("withStructuredOutput types", () => {
  it("invoke resolves to the schema's output type", () => {
    const structured = client.withStructuredOutput(Person);
    expectTypeOf(structured.invoke("x")).resolves.toEqualTypeOf<Person>();
  });

  it("includeRaw gives { raw, parsed }", () => {
    const structured = client.withStructuredOutput(Person, { includeRaw: true });
    expectTypeOf(structured.invoke("x")).resolves.toEqualTypeOf<StructuredWithRaw<Person>>();
    expectTypeOf<StructuredWithRaw<Person>["raw"]>().toEqualTypeOf<Message>();
  });

  it("stream yields deep partials, then the value", () => {
    const structured = client.withStructuredOutput(Person);
    expectTypeOf(structured.stream("x")).toEqualTypeOf<
      AsyncIterable<StructuredStreamUpdate<Person>>
    >();
    expectTypeOf<DeepPartial<Person>>().toEqualTypeOf<{
      name?: string;
      tags?: string[];
      address?: { city?: string };
    }>();
  });
});

describe("withStructuredOutput with tools, types", () => {
  it("invoke resolves to the tool calls or the object", () => {
    const structured = client.withStructuredOutput(Person, { tools: [] });
    expectTypeOf(structured.invoke("x")).resolves.toEqualTypeOf<StructuredOrToolCalls<Person>>();
  });

  it("includeRaw with tools gives { raw, parsed } over the union, parsed null on errors", () => {
    const structured = client.withStructuredOutput(Person, { tools: [], includeRaw: true });
    expectTypeOf(structured.invoke("x")).resolves.toEqualTypeOf<
      StructuredWithRaw<StructuredOrToolCalls<Person>>
    >();
    expectTypeOf<StructuredWithRaw<Person>["parsed"]>().toEqualTypeOf<Person | null>();
  });
});
