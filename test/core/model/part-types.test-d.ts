import { expectTypeOf, test } from "vitest";
import type { AnyBuiltinToolPart, BuiltinToolPartType } from "../../../src/core/index.js";

test("the built-in tool part union has one member per built-in row of the part-type table", () => {
  expectTypeOf<AnyBuiltinToolPart["type"]>().toEqualTypeOf<BuiltinToolPartType>();
});
