import { describe, expect, it } from "vitest";
import {
  ColloquyError,
  accumulateResponsesEvent,
  createAssistantMessage,
  type Message,
} from "../../src/core/index.js";

/**
 * Indexes in stream events come from the network. A hostile or broken server must not be
 * able to make the accumulator allocate in proportion to a number it sends.
 */

function reasoningWithSummaryAt(summaryIndex: number): Message {
  let message = createAssistantMessage("bounds");
  message = accumulateResponsesEvent(message, {
    type: "response.output_item.added",
    output_index: 0,
    item: { type: "reasoning", id: "rs_1", summary: [] },
  } as never);
  try {
    return accumulateResponsesEvent(message, {
      type: "response.reasoning_summary_text.delta",
      item_id: "rs_1",
      output_index: 0,
      summary_index: summaryIndex,
      delta: "x",
    } as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ColloquyError);
    return message;
  }
}

describe("stream indexes are bounded", () => {
  it("keeps an ordinary summary index", () => {
    const part = reasoningWithSummaryAt(1).parts[0];
    expect(part?.type === "reasoning" && part.summary.map((s) => s.text)).toEqual(["", "x"]);
  });

  // Fuzzing found that a huge `summary_index` once padded the summary array up to it and
  // exhausted memory; such an index must be ignored (or rejected with a ColloquyError).
  it.each([200_000, 1e9, Number.MAX_SAFE_INTEGER, 1e308, -1, 0.5])(
    "does not allocate up to summary_index %s",
    (index) => {
      const part = reasoningWithSummaryAt(index).parts[0];
      const length = part?.type === "reasoning" ? part.summary.length : 0;
      expect(length).toBeLessThan(1_000);
    },
  );
});
