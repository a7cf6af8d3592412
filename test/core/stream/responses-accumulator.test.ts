import { describe, expect, it } from "vitest";
import type { Message } from "../../../src/core/model/message.js";
import type { ImagePart, TextPart } from "../../../src/core/model/parts.js";
import { accumulateResponsesEvent } from "../../../src/core/stream/accumulate-responses-event.js";
import { createAssistantMessage } from "../../../src/core/stream/create-assistant-message.js";

/** The Responses accumulator, event by event, on small hand-written event sequences. */

type Event = Record<string, unknown>;

let sequence = 0;
function event(type: string, fields: Event = {}): Event {
  return { type, sequence_number: sequence++, ...fields };
}

function fold(events: Event[], start: Message = createAssistantMessage()): Message {
  return events.reduce<Message>((message, e) => accumulateResponsesEvent(message, e), start);
}

const response = (fields: Event = {}) => ({
  id: "resp_1",
  object: "response",
  created_at: 1700000000,
  model: "gpt-test",
  status: "in_progress",
  output: [],
  ...fields,
});

const messageItem = (content: Event[] = [], status = "in_progress") => ({
  id: "msg_1",
  type: "message",
  role: "assistant",
  status,
  content,
});

function textStart(): Event[] {
  return [
    event("response.created", { response: response() }),
    event("response.output_item.added", { output_index: 0, item: messageItem() }),
    event("response.content_part.added", {
      item_id: "msg_1",
      output_index: 0,
      content_index: 0,
      part: { type: "output_text", text: "", annotations: [] },
    }),
  ];
}

const delta = (text: string, extra: Event = {}) =>
  event("response.output_text.delta", {
    item_id: "msg_1",
    output_index: 0,
    content_index: 0,
    delta: text,
    logprobs: [],
    ...extra,
  });

describe("accumulateResponsesEvent", () => {
  it("starts from an empty in-progress assistant message and takes the response id", () => {
    const empty = createAssistantMessage();
    expect(empty).toEqual({
      id: "",
      role: "assistant",
      parts: [],
      metadata: {},
      status: "in-progress",
    });
    const message = fold(textStart());
    expect(message.id).toBe("resp_1");
    expect(message.metadata).toMatchObject({
      responseId: "resp_1",
      model: "gpt-test",
      createdAt: 1700000000,
    });
    expect(message.parts).toEqual([
      { type: "text", text: "", state: "streaming", itemId: "msg_1", contentIndex: 0 },
    ]);
  });

  it("keeps a given id for the whole stream", () => {
    const message = fold(textStart(), createAssistantMessage("mine"));
    expect(message.id).toBe("mine");
  });

  it("appends text deltas with logprobs, then takes the done text", () => {
    const logprob = { token: "Hi", logprob: -0.1, bytes: [72, 105], top_logprobs: [] };
    let message = fold([...textStart(), delta("Hi", { logprobs: [logprob] }), delta(" there")]);
    const text = message.parts[0] as TextPart;
    expect(text.text).toBe("Hi there");
    expect(text.logprobs).toEqual([
      { token: "Hi", logprob: -0.1, bytes: [72, 105], topLogprobs: [] },
    ]);
    message = accumulateResponsesEvent(
      message,
      event("response.output_text.done", { item_id: "msg_1", content_index: 0, text: "Hi there!" }),
    );
    expect(message.parts[0]).toMatchObject({ text: "Hi there!", state: "done" });
  });

  it("changes only the objects on a delta's path (structural sharing)", () => {
    const before = fold([
      event("response.created", { response: response() }),
      event("response.output_item.added", {
        item: { id: "rs_1", type: "reasoning", summary: [] },
      }),
      event("response.output_item.done", {
        item: { id: "rs_1", type: "reasoning", summary: [{ type: "summary_text", text: "Plan" }] },
      }),
      ...textStart().slice(1),
      delta("Hello", {
        logprobs: [{ token: "Hello", logprob: 0, top_logprobs: [] }],
      }),
      event("response.output_text.annotation.added", {
        item_id: "msg_1",
        content_index: 0,
        annotation_index: 0,
        annotation: {
          type: "url_citation",
          url: "https://a.example",
          title: "A",
          start_index: 0,
          end_index: 5,
        },
      }),
    ]);
    const after = accumulateResponsesEvent(before, delta(" world"));
    expect(after).not.toBe(before);
    expect(after.parts).not.toBe(before.parts);
    expect(after.parts[0]).toBe(before.parts[0]);
    expect(after.parts[1]).not.toBe(before.parts[1]);
    const [beforeText, afterText] = [before.parts[1] as TextPart, after.parts[1] as TextPart];
    expect(afterText.text).toBe("Hello world");
    expect(beforeText.text).toBe("Hello");
    // Inside the changed part, only what changed is new.
    expect(afterText.annotations).toBe(beforeText.annotations);
    expect(afterText.logprobs).toBe(beforeText.logprobs);
    expect(after.metadata.usage).toBe(before.metadata.usage);
  });

  it("records annotations as they are added", () => {
    const message = fold([
      ...textStart(),
      delta("See A."),
      event("response.output_text.annotation.added", {
        item_id: "msg_1",
        content_index: 0,
        annotation_index: 0,
        annotation: { type: "file_citation", file_id: "file_1", filename: "a.pdf", index: 5 },
      }),
    ]);
    expect((message.parts[0] as TextPart).annotations).toEqual([
      { type: "file_citation", fileId: "file_1", filename: "a.pdf", index: 5 },
    ]);
  });

  it("replaces an item's parts on output_item.done with the final mapping", () => {
    const message = fold([
      ...textStart(),
      delta("Hi"),
      event("response.output_item.done", {
        item: messageItem(
          [{ type: "output_text", text: "Hi", annotations: [], logprobs: [] }],
          "completed",
        ),
      }),
    ]);
    expect(message.parts).toEqual([{ type: "text", text: "Hi", itemId: "msg_1", contentIndex: 0 }]);
  });

  it("streams refusals", () => {
    const message = fold([
      event("response.output_item.added", { item: messageItem() }),
      event("response.content_part.added", {
        item_id: "msg_1",
        content_index: 0,
        part: { type: "refusal", refusal: "" },
      }),
      event("response.refusal.delta", { item_id: "msg_1", content_index: 0, delta: "I can't" }),
      event("response.refusal.delta", { item_id: "msg_1", content_index: 0, delta: " help." }),
    ]);
    expect(message.parts).toEqual([
      {
        type: "refusal",
        refusal: "I can't help.",
        state: "streaming",
        itemId: "msg_1",
        contentIndex: 0,
      },
    ]);
  });

  it("streams reasoning summaries and raw reasoning text, keeping a measured duration", () => {
    let message = fold([
      event("response.output_item.added", { item: { id: "rs_1", type: "reasoning", summary: [] } }),
      event("response.reasoning_summary_part.added", {
        item_id: "rs_1",
        summary_index: 0,
        part: { type: "summary_text", text: "" },
      }),
      event("response.reasoning_summary_text.delta", {
        item_id: "rs_1",
        summary_index: 0,
        delta: "Think",
      }),
      event("response.reasoning_summary_text.delta", {
        item_id: "rs_1",
        summary_index: 0,
        delta: "ing",
      }),
      event("response.reasoning_text.delta", { item_id: "rs_1", content_index: 0, delta: "raw" }),
    ]);
    expect(message.parts[0]).toEqual({
      type: "reasoning",
      id: "rs_1",
      summary: [{ text: "Thinking", state: "streaming" }],
      text: "raw",
      state: "streaming",
    });
    message = accumulateResponsesEvent(
      message,
      event("response.output_item.done", {
        item: {
          id: "rs_1",
          type: "reasoning",
          summary: [{ type: "summary_text", text: "Thinking" }],
        },
      }),
      { reasoningDurationMs: 1500 },
    );
    expect(message.parts[0]).toEqual({
      type: "reasoning",
      id: "rs_1",
      summary: [{ text: "Thinking" }],
      durationMs: 1500,
    });
  });

  it("streams function call arguments and parses them when the item is done", () => {
    const item = {
      id: "fc_1",
      type: "function_call",
      call_id: "call_1",
      name: "weather",
      arguments: "",
    };
    let message = fold([
      event("response.output_item.added", { item: { ...item, status: "in_progress" } }),
      event("response.function_call_arguments.delta", { item_id: "fc_1", delta: '{"city":' }),
      event("response.function_call_arguments.delta", { item_id: "fc_1", delta: '"Paris"}' }),
    ]);
    expect(message.parts[0]).toEqual({
      type: "tool-call",
      kind: "function",
      state: "input-streaming",
      toolCallId: "call_1",
      toolName: "weather",
      inputText: '{"city":"Paris"}',
      itemId: "fc_1",
    });
    message = accumulateResponsesEvent(
      message,
      event("response.output_item.done", {
        item: { ...item, arguments: '{"city":"Paris"}', status: "completed" },
      }),
    );
    expect(message.parts[0]).toMatchObject({ state: "input-available", input: { city: "Paris" } });
  });

  it("streams custom tool input, MCP arguments, interpreter code and apply_patch diffs into the kept items", () => {
    const message = fold([
      event("response.output_item.added", {
        item: { id: "ctc_1", type: "custom_tool_call", call_id: "c1", name: "grammar", input: "" },
      }),
      event("response.custom_tool_call_input.delta", { item_id: "ctc_1", delta: "SELECT" }),
      event("response.output_item.added", {
        item: {
          id: "mcp_1",
          type: "mcp_call",
          name: "search",
          server_label: "docs",
          arguments: "",
          status: "in_progress",
        },
      }),
      event("response.mcp_call_arguments.delta", { item_id: "mcp_1", delta: '{"q":' }),
      event("response.mcp_call_arguments.delta", { item_id: "mcp_1", delta: '"x"}' }),
      event("response.mcp_call.failed", { item_id: "mcp_1" }),
      event("response.output_item.added", {
        item: {
          id: "ci_1",
          type: "code_interpreter_call",
          code: "",
          status: "in_progress",
          container_id: "cntr",
        },
      }),
      event("response.code_interpreter_call.interpreting", { item_id: "ci_1" }),
      event("response.code_interpreter_call_code.delta", { item_id: "ci_1", delta: "print(" }),
      event("response.code_interpreter_call_code.delta", { item_id: "ci_1", delta: "1)" }),
      event("response.output_item.added", {
        item: {
          id: "apc_1",
          type: "apply_patch_call",
          call_id: "c2",
          status: "in_progress",
          operation: { type: "create_file", path: "a.md", diff: "" },
        },
      }),
      event("response.apply_patch_call_operation_diff.delta", {
        item_id: "apc_1",
        delta: "+# A\n",
      }),
    ]);
    expect(message.parts.map((part) => part.type)).toEqual([
      "tool-call",
      "mcp-call",
      "code-interpreter-call",
      "apply-patch-call",
    ]);
    expect(message.parts[0]).toMatchObject({
      kind: "custom",
      inputText: "SELECT",
      state: "input-streaming",
    });
    expect(message.parts[1]).toMatchObject({
      state: "failed",
      item: { arguments: '{"q":"x"}', server_label: "docs" },
    });
    expect(message.parts[2]).toMatchObject({
      state: "interpreting",
      item: { code: "print(1)", container_id: "cntr" },
    });
    expect(message.parts[3]).toMatchObject({
      item: { operation: { path: "a.md", diff: "+# A\n" } },
    });
  });

  it("shows built-in tool progress", () => {
    const states = [];
    let message = fold([
      event("response.output_item.added", {
        item: { id: "ws_1", type: "web_search_call", status: "in_progress" },
      }),
    ]);
    for (const phase of ["in_progress", "searching", "completed"]) {
      message = accumulateResponsesEvent(
        message,
        event(`response.web_search_call.${phase}`, { item_id: "ws_1" }),
      );
      states.push((message.parts[0] as { state: string }).state);
    }
    expect(states).toEqual(["in-progress", "searching", "completed"]);
  });

  it("shows partial images of an image generation call", () => {
    let message = fold([
      event("response.output_item.added", {
        item: { id: "ig_1", type: "image_generation_call", status: "in_progress", result: null },
      }),
      event("response.image_generation_call.generating", { item_id: "ig_1" }),
    ]);
    expect(message.parts[0]).toMatchObject({
      type: "image",
      origin: "generated",
      state: "generating",
    });
    message = accumulateResponsesEvent(
      message,
      event("response.image_generation_call.partial_image", {
        item_id: "ig_1",
        partial_image_b64: "AAAA",
        partial_image_index: 0,
        output_format: "jpeg",
      }),
    );
    expect(message.parts[0]).toMatchObject({
      state: "partial",
      data: "AAAA",
      partialImageIndex: 0,
      mediaType: "image/jpeg",
    } satisfies Partial<ImagePart>);
    message = accumulateResponsesEvent(
      message,
      event("response.output_item.done", {
        item: {
          id: "ig_1",
          type: "image_generation_call",
          status: "completed",
          result: "BBBB",
          output_format: "png",
        },
      }),
    );
    expect(message.parts[0]).toMatchObject({
      state: "complete",
      data: "BBBB",
      mediaType: "image/png",
    });
  });

  it("streams output audio and its transcript", () => {
    const message = fold([
      event("response.audio.delta", { delta: "UklG" }),
      event("response.audio.delta", { delta: "RiQ=" }),
      event("response.audio.transcript.delta", { delta: "Hello" }),
      event("response.audio.done", {}),
    ]);
    expect(message.parts).toEqual([
      { type: "audio", origin: "output", data: "UklGRiQ=", transcript: "Hello", state: "done" },
    ]);
  });

  it("completes with usage and status, and keeps incomplete reasons", () => {
    const usage = {
      input_tokens: 5,
      output_tokens: 7,
      total_tokens: 12,
      output_tokens_details: { reasoning_tokens: 3 },
    };
    const complete = fold([
      ...textStart(),
      event("response.completed", { response: response({ status: "completed", usage }) }),
    ]);
    expect(complete.status).toBe("complete");
    expect(complete.metadata.usage).toMatchObject({
      inputTokens: 5,
      outputTokens: 7,
      totalTokens: 12,
      reasoningTokens: 3,
    });
    const incomplete = fold([
      ...textStart(),
      event("response.incomplete", {
        response: response({
          status: "incomplete",
          incomplete_details: { reason: "max_output_tokens" },
        }),
      }),
    ]);
    expect(incomplete.status).toBe("incomplete");
    expect(incomplete.metadata.incompleteReason).toBe("max_output_tokens");
  });

  it("fails on error and response.failed but keeps every part", () => {
    const message = fold([
      ...textStart(),
      delta("Partial"),
      event("error", { code: "server_error", message: "Something broke", param: null }),
    ]);
    expect(message.status).toBe("failed");
    expect(message.error).toEqual({ message: "Something broke", code: "server_error" });
    expect((message.parts[0] as TextPart).text).toBe("Partial");
    const failed = accumulateResponsesEvent(
      message,
      event("response.failed", {
        response: response({
          status: "failed",
          error: { code: "server_error", message: "Failed late" },
        }),
      }),
    );
    expect(failed.status).toBe("failed");
    expect(failed.error?.message).toBe("Failed late");
    expect((failed.parts[0] as TextPart).text).toBe("Partial");
  });

  it("keeps content parts of unknown types once, updated by their done event", () => {
    const message = fold([
      event("response.output_item.added", { item: messageItem() }),
      event("response.content_part.added", {
        item_id: "msg_1",
        content_index: 0,
        part: { type: "output_hologram", frames: 0 },
      }),
      event("response.content_part.done", {
        item_id: "msg_1",
        content_index: 0,
        part: { type: "output_hologram", frames: 3 },
      }),
    ]);
    expect(message.parts).toEqual([
      {
        type: "unknown",
        originalType: "output_hologram",
        raw: { type: "output_hologram", frames: 3 },
        id: "msg_1",
      },
    ]);
  });

  it("brings items without an output_item.done in line with the final response", () => {
    const item = { id: "mcpl_1", type: "mcp_list_tools", server_label: "docs", tools: [] };
    const finalItem = { ...item, tools: [{ name: "search", input_schema: {} }] };
    const message = fold([
      event("response.created", { response: response() }),
      event("response.output_item.added", { item }),
      event("response.mcp_list_tools.completed", { item_id: "mcpl_1" }),
      event("response.completed", {
        response: response({ status: "completed", output: [finalItem] }),
      }),
    ]);
    expect(message.parts).toEqual([
      { type: "mcp-list-tools", id: "mcpl_1", state: "completed", item: finalItem },
    ]);
  });

  it("keeps unknown events in metadata and never throws on them", () => {
    const unknown = {
      type: "response.shell_call_command.delta",
      sequence_number: 900,
      delta: "ls",
    };
    const message = accumulateResponsesEvent(fold(textStart()), unknown);
    expect(message.metadata.unknownEvents).toEqual([unknown]);
    expect(message.metadata.lastSequenceNumber).toBe(900);
  });

  it("skips events a continued message already holds (by sequence number)", () => {
    const events = [...textStart(), delta("a"), delta("b"), delta("c")];
    const full = fold(events);
    const partial = fold(events.slice(0, 4));
    // Resuming replays from an earlier sequence number: the overlap must not double the text.
    const resumed = fold(events.slice(2), partial);
    expect((resumed.parts[0] as TextPart).text).toBe("abc");
    expect(resumed).toEqual(full);
    expect(accumulateResponsesEvent(full, events[4]!)).toBe(full);
  });

  it("restarts sequence tracking for a new response", () => {
    const first = fold([...textStart(), delta("a")]);
    const created: Event = {
      type: "response.created",
      sequence_number: 0,
      response: response({ id: "resp_2" }),
    };
    const next = accumulateResponsesEvent(first, created);
    expect(next.metadata.responseId).toBe("resp_2");
    expect(next.metadata.lastSequenceNumber).toBe(0);
    expect(next.id).toBe("resp_1");
  });

  it("never changes its input", () => {
    const before = fold(textStart());
    const frozen = JSON.stringify(before);
    accumulateResponsesEvent(before, delta("x"));
    accumulateResponsesEvent(
      before,
      event("response.completed", { response: response({ status: "completed" }) }),
    );
    expect(JSON.stringify(before)).toBe(frozen);
  });
});
