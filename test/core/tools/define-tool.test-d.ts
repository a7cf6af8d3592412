import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../../src/core/tools/define-tool.js";
import { parseToolArguments } from "../../../src/core/tools/parse-tool-arguments.js";
import type { ToolArgs, ToolDefinition, ToolResult } from "../../../src/core/tools/types.js";

describe("defineTool types", () => {
  const weather = defineTool({
    name: "weather",
    parameters: z.object({ city: z.string(), days: z.number().optional() }),
    execute: async (args) => {
      expectTypeOf(args).toEqualTypeOf<{ city: string; days?: number | undefined }>();
      return { tempC: 21, city: args.city };
    },
  });

  it("infers arguments from the zod schema and the result from execute", () => {
    expectTypeOf<ToolArgs<typeof weather>>().toEqualTypeOf<{
      city: string;
      days?: number | undefined;
    }>();
    expectTypeOf<ToolResult<typeof weather>>().toEqualTypeOf<{ tempC: number; city: string }>();
    expectTypeOf(weather).toExtend<ToolDefinition<{ city: string; days?: number | undefined }>>();
  });

  it("types parsed arguments", () => {
    const parsed = parseToolArguments(weather, "{}");
    if (parsed.ok)
      expectTypeOf(parsed.value).toEqualTypeOf<{ city: string; days?: number | undefined }>();
    else expectTypeOf(parsed.error).toEqualTypeOf<string>();
  });

  it("rejects execute arguments that do not match the schema", () => {
    defineTool({
      name: "bad",
      parameters: z.object({ n: z.number() }),
      // @ts-expect-error n is a number, not a string
      execute: (args: { n: string }) => args.n,
    });
  });
});
