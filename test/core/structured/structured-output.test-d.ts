import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type {
  ChatClient,
  DeepPartial,
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
