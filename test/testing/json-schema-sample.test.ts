import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sampleFromSchema, type JsonSchema } from "../../src/testing/index.js";

describe("sampleFromSchema", () => {
  it("fills every kind of field so the value validates", () => {
    const schema = z.object({
      id: z.string().uuid(),
      when: z.string().datetime(),
      count: z.number().int().min(10).max(20),
      ratio: z.number().max(1),
      kind: z.enum(["a", "b"]),
      flag: z.boolean(),
      maybe: z.string().nullable(),
      list: z.array(z.object({ label: z.string().min(12) })).min(3),
      nested: z.object({ deep: z.object({ value: z.literal("x") }) }),
      either: z.union([z.number(), z.string()]),
    });
    schema.parse(sampleFromSchema(z.toJSONSchema(schema) as JsonSchema));
  });

  it("follows $ref into $defs and ends recursive schemas", () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(node) }),
    );
    const value = sampleFromSchema(z.toJSONSchema(node) as JsonSchema);
    node.parse(value);
  });

  it("says which reference is missing", () => {
    expect(() => sampleFromSchema({ $ref: "#/$defs/Missing" })).toThrow(/#\/\$defs\/Missing/);
  });
});
