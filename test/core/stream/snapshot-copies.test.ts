import { describe, expect, it } from "vitest";
import type { MessageMetadata } from "../../../src/core/model/message.js";
import { metadataWithSequence } from "../../../src/core/stream/snapshot-copies.js";

/** Metadata with every field of the type set, so a field the copy drops shows. */
const full: Required<MessageMetadata> = {
  model: "gpt-4.1-mini",
  responseId: "resp_1",
  completionId: "chatcmpl_1",
  finishReason: "stop",
  incompleteReason: "max_output_tokens",
  responseStatus: "in_progress",
  usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
  serviceTier: "default",
  systemFingerprint: "fp_1",
  createdAt: 1,
  lastSequenceNumber: 4,
  background: false,
  alternatives: [],
  extra: { note: "kept" },
  modelVersion: "2025-04-14",
  unknownEvents: [{ type: "response.future_event" }],
  unknownEventsOmitted: 2,
};

describe("metadataWithSequence (the copy on every Responses event)", () => {
  it("keeps every metadata field and sets the sequence number", () => {
    expect(metadataWithSequence(full, 5)).toEqual({ ...full, lastSequenceNumber: 5 });
  });

  it("gives copies of any metadata one shape, absent fields undefined", () => {
    const sparse = metadataWithSequence({ model: "m" }, 1);
    expect(Object.keys(sparse)).toEqual(Object.keys(full));
    expect(sparse).toEqual({ model: "m", lastSequenceNumber: 1 });
  });

  it("keeps a field the type does not know (a caller's own) by copying with a spread", () => {
    const own = { model: "m", appTag: "x" } as MessageMetadata;
    expect(metadataWithSequence(own, 2)).toEqual({
      model: "m",
      appTag: "x",
      lastSequenceNumber: 2,
    });
  });
});
