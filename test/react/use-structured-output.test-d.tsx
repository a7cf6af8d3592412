import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { useStructuredOutput } from "../../src/react/structured-output.js";

const Person = z.object({
  name: z.string(),
  age: z.number(),
  tags: z.array(z.object({ label: z.string() })),
});

describe("useStructuredOutput types", () => {
  it("types data as the schema's output and partial as its deep partial", () => {
    const result = useStructuredOutput({ schema: Person, input: "Describe Ada" });
    expectTypeOf(result.data).toEqualTypeOf<
      { name: string; age: number; tags: { label: string }[] } | undefined
    >();
    expectTypeOf(result.partial).toEqualTypeOf<
      { name?: string; age?: number; tags?: { label?: string }[] } | undefined
    >();
    expectTypeOf(result.generate).returns.resolves.toEqualTypeOf<{
      name: string;
      age: number;
      tags: { label: string }[];
    }>();
    expectTypeOf(result.status).toEqualTypeOf<"idle" | "pending" | "success" | "error">();
    expectTypeOf(result.isStreaming).toEqualTypeOf<boolean>();
  });

  it("follows transforms", () => {
    const Count = z.object({ n: z.string().transform((s) => s.length) });
    expectTypeOf(useStructuredOutput({ schema: Count, input: "x" }).data).toEqualTypeOf<
      { n: number } | undefined
    >();
  });

  it("needs a schema", () => {
    // @ts-expect-error: schema is required
    useStructuredOutput({ input: "x" });
  });
});
