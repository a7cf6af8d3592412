import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import type { ApiChoice, RequestParams } from "../../../src/core/client/types.js";
import { defineTool } from "../../../src/core/tools/define-tool.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";
import type { Message } from "../../../src/core/model/message.js";

function clientFor(api: ApiChoice = "auto") {
  return createChatClient({
    baseURL: "https://api.test/v1",
    model: "gpt-4.1-mini",
    api,
    fetch: () => Promise.reject(new Error("unused")),
  });
}

const hi = toMessages("hi");

describe("params -> wire fields", () => {
  const weather = defineTool({
    name: "weather",
    description: "Weather for a city",
    parameters: z.object({ city: z.string() }),
  });
  const cases: [string, RequestParams, Record<string, unknown>, Record<string, unknown>][] = [
    ["temperature", { temperature: 0.2 }, { temperature: 0.2 }, { temperature: 0.2 }],
    ["topP", { topP: 0.9 }, { top_p: 0.9 }, { top_p: 0.9 }],
    ["maxTokens", { maxTokens: 50 }, { max_completion_tokens: 50 }, { max_output_tokens: 50 }],
    [
      "logprobs",
      { logprobs: true, topLogprobs: 3 },
      { logprobs: true, top_logprobs: 3 },
      { include: ["message.output_text.logprobs"], top_logprobs: 3 },
    ],
    [
      "reasoning effort",
      { reasoning: { effort: "low" } },
      { reasoning_effort: "low" },
      { reasoning: { effort: "low" } },
    ],
    ["serviceTier", { serviceTier: "flex" }, { service_tier: "flex" }, { service_tier: "flex" }],
    [
      "promptCacheKey",
      { promptCacheKey: "k" },
      { prompt_cache_key: "k" },
      { prompt_cache_key: "k" },
    ],
    [
      "parallelToolCalls",
      { parallelToolCalls: false },
      { parallel_tool_calls: false },
      { parallel_tool_calls: false },
    ],
    ["store", { store: true }, { store: true }, { store: true }],
    ["metadata", { metadata: { a: "1" } }, { metadata: { a: "1" } }, { metadata: { a: "1" } }],
    ["user", { user: "u1" }, { user: "u1" }, { user: "u1" }],
    ["verbosity", { verbosity: "low" }, { verbosity: "low" }, { text: { verbosity: "low" } }],
    [
      "instructions",
      { instructions: "Be brief" },
      {
        messages: [
          { role: "system", content: "Be brief" },
          { role: "user", content: "hi" },
        ],
      },
      { instructions: "Be brief" },
    ],
    [
      "toolChoice by name",
      { toolChoice: { type: "function", name: "weather" } },
      { tool_choice: { type: "function", function: { name: "weather" } } },
      { tool_choice: { type: "function", name: "weather" } },
    ],
    [
      "toolChoice string",
      { toolChoice: "required" },
      { tool_choice: "required" },
      { tool_choice: "required" },
    ],
    [
      "responseFormat json_object",
      { responseFormat: { type: "json_object" } },
      { response_format: { type: "json_object" } },
      { text: { format: { type: "json_object" } } },
    ],
    [
      "responseFormat json_schema",
      { responseFormat: { type: "json_schema", name: "out", schema: { type: "object" } } },
      {
        response_format: {
          type: "json_schema",
          json_schema: { name: "out", schema: { type: "object" }, strict: true },
        },
      },
      {
        text: {
          format: { type: "json_schema", name: "out", schema: { type: "object" }, strict: true },
        },
      },
    ],
    [
      "tools",
      { tools: [weather] },
      {
        tools: [
          {
            type: "function",
            function: {
              name: "weather",
              description: "Weather for a city",
              parameters: {
                type: "object",
                properties: { city: { type: "string" } },
                required: ["city"],
                additionalProperties: false,
              },
              strict: true,
            },
          },
        ],
      },
      {
        tools: [
          {
            type: "function",
            name: "weather",
            description: "Weather for a city",
            parameters: {
              type: "object",
              properties: { city: { type: "string" } },
              required: ["city"],
              additionalProperties: false,
            },
            strict: true,
          },
        ],
      },
    ],
    [
      "extraBody last",
      { temperature: 1, extraBody: { temperature: 0, top_k: 5 } },
      { temperature: 0, top_k: 5 },
      { temperature: 0, top_k: 5 },
    ],
  ];

  it.each(cases)("%s", async (_name, params, chat, responses) => {
    expect((await clientFor("chat").buildRequest(hi, params)).body).toMatchObject(chat);
    expect((await clientFor("responses").buildRequest(hi, params)).body).toMatchObject(responses);
  });

  it("chat-only params: prediction, modalities, audio; streamUsage off", async () => {
    const params: RequestParams = {
      prediction: { type: "content", content: "x" },
      modalities: ["text", "audio"],
      audio: { voice: "alloy", format: "wav" },
      streamUsage: false,
    };
    const chat = await clientFor("chat").buildRequest(hi, params);
    expect(chat.body).toMatchObject({
      prediction: { type: "content", content: "x" },
      modalities: ["text", "audio"],
      audio: { voice: "alloy", format: "wav" },
    });
    expect(chat.body).not.toHaveProperty("stream_options");
    const responses = await clientFor("responses").buildRequest(hi, params);
    expect(responses.body).not.toHaveProperty("prediction");
    expect(responses.warnings).toHaveLength(3);
  });

  it("responses-only params pass through: include, truncation, background, contextManagement", async () => {
    const params: RequestParams = {
      include: ["reasoning.encrypted_content"],
      truncation: "auto",
      background: true,
      contextManagement: [{ type: "compaction", compact_threshold: 1000 }],
    };
    const request = await clientFor("responses").buildRequest(hi, params);
    expect(request.body).toMatchObject({
      include: ["reasoning.encrypted_content"],
      truncation: "auto",
      background: true,
      context_management: [{ type: "compaction", compact_threshold: 1000 }],
    });
    const chat = await clientFor("chat").buildRequest(hi, params);
    expect(chat.body).not.toHaveProperty("truncation");
    expect(chat.warnings.join(" ")).toMatch(/include needs the Responses API/);
  });

  it("passes built-in tools through verbatim on Responses and warns on Chat", async () => {
    const tools = [
      { type: "web_search" as const },
      { type: "image_generation" as const, partial_images: 2 },
      {
        type: "custom" as const,
        name: "sql",
        format: { type: "grammar" as const, syntax: "lark" as const, definition: "start: /.+/" },
      },
    ];
    const responses = await clientFor("responses").buildRequest(hi, { tools });
    expect(responses.body.tools).toEqual(tools);
    const chat = await clientFor("chat").buildRequest(hi, { tools });
    expect(chat.body.tools).toEqual([
      {
        type: "custom",
        custom: {
          name: "sql",
          format: { type: "grammar", grammar: { syntax: "lark", definition: "start: /.+/" } },
        },
      },
    ]);
    expect(chat.warnings).toHaveLength(2);
  });
});

describe("auto API choice", () => {
  it.each<[string, RequestParams, "chat" | "responses"]>([
    ["plain chat", {}, "chat"],
    ["function tools", { tools: [defineTool({ name: "f", parameters: z.object({}) })] }, "chat"],
    ["built-in tool", { tools: [{ type: "web_search" }] }, "responses"],
    ["reasoning summary", { reasoning: { effort: "low", summary: "auto" } }, "responses"],
    ["reasoning effort only", { reasoning: { effort: "low" } }, "chat"],
    ["previous response id", { previousResponseId: "resp_1" }, "responses"],
    ["background", { background: true }, "responses"],
  ])("%s -> %s", async (_name, params, api) => {
    const request = await clientFor("auto").buildRequest(hi, params);
    expect(request.api).toBe(api);
    expect(request.path).toBe(api === "chat" ? "/chat/completions" : "/responses");
  });
});

describe("previous-response-id mode", () => {
  const conversation: Message[] = [
    ...toMessages("first question"),
    {
      id: "a1",
      role: "assistant",
      parts: [{ type: "text", text: "first answer" }],
      metadata: { responseId: "resp_abc" },
      status: "complete",
    },
    ...toMessages("second question"),
  ];

  it("sends the last response id and only the newer messages", async () => {
    const request = await clientFor("auto").buildRequest(conversation, {
      conversationState: "previous-response-id",
    });
    expect(request.api).toBe("responses");
    expect(request.body.previous_response_id).toBe("resp_abc");
    expect(request.body.input).toEqual([
      expect.objectContaining({
        role: "user",
        content: [{ type: "input_text", text: "second question" }],
      }),
    ]);
  });

  it("stateless mode sends everything", async () => {
    const request = await clientFor("responses").buildRequest(conversation, {});
    expect(request.body).not.toHaveProperty("previous_response_id");
    expect(request.body.input).toHaveLength(3);
  });
});

describe("defaults and binding", () => {
  it("per-call params override client defaults; metadata merges", async () => {
    const client = createChatClient({
      baseURL: "https://x/v1",
      model: "a",
      temperature: 1,
      metadata: { app: "x" },
      fetch: fetch,
    });
    const request = await client.buildRequest(hi, { model: "b", metadata: { user: "y" } });
    expect(request.body).toMatchObject({
      model: "b",
      temperature: 1,
      metadata: { app: "x", user: "y" },
    });
  });

  it("bindTools adds tools, tool choice and a strict override", async () => {
    const tool = defineTool({ name: "lookup", parameters: z.object({ q: z.string().optional() }) });
    const bound = clientFor("chat").bindTools([tool], {
      strict: false,
      toolChoice: "required",
      parallelToolCalls: false,
    });
    const body = (await bound.buildRequest(hi)).body;
    expect(body).toMatchObject({ tool_choice: "required", parallel_tool_calls: false });
    expect(body.tools).toEqual([
      {
        type: "function",
        function: {
          name: "lookup",
          parameters: { type: "object", properties: { q: { type: "string" } } },
          strict: false,
        },
      },
    ]);
  });
});
