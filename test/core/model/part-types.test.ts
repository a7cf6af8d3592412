import { describe, expect, it } from "vitest";
import { chooseApi } from "../../../src/core/client/choose-api.js";
import { partsFromOutputItem } from "../../../src/core/convert/parts-from-output-item.js";
import { createMessage } from "../../../src/core/model/create.js";
import type { Part } from "../../../src/core/model/parts.js";
import {
  BUILTIN_TOOL_PART_TYPES,
  builtinPartType,
  PART_TYPES,
  RESPONSES_ONLY_PART_TYPES,
} from "../../../src/core/model/part-types.js";

describe("the table of part types", () => {
  it("maps every wire item of a built-in part back to that part", () => {
    for (const type of BUILTIN_TOOL_PART_TYPES) {
      for (const item of PART_TYPES[type].wireItems) expect(builtinPartType(item)).toBe(type);
    }
    expect(builtinPartType("local_shell_call")).toBe("shell-call");
    expect(builtinPartType("message")).toBeUndefined();
  });

  it("turns each built-in wire item into the part the table names", () => {
    for (const type of BUILTIN_TOOL_PART_TYPES) {
      for (const wire of PART_TYPES[type].wireItems) {
        const [part] = partsFromOutputItem({ type: wire, id: "item_1", status: "completed" });
        expect(part?.type).toBe(type);
      }
    }
  });

  it("names only part types that exist among the Responses-only ones", () => {
    for (const type of RESPONSES_ONLY_PART_TYPES) expect(Object.keys(PART_TYPES)).toContain(type);
  });

  it("sends a conversation holding any built-in tool part to the Responses API", () => {
    for (const type of BUILTIN_TOOL_PART_TYPES) {
      const part = { type, id: "x", state: "completed", item: {} } as unknown as Part;
      const message = createMessage({ role: "assistant", parts: [part] });
      expect(chooseApi("auto", [message], {})).toBe("responses");
    }
    const plain = createMessage({ role: "assistant", parts: [{ type: "text", text: "hi" }] });
    expect(chooseApi("auto", [plain], {})).toBe("chat");
  });
});
