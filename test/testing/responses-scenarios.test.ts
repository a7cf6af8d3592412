import type { Response as OpenAIResponse } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  emulator,
  events,
  finalResponseOf,
  post,
  timeTool,
  weatherTool,
  type Json,
} from "./support.js";

async function streamed(body: Json, headers: Record<string, string> = {}) {
  const handler = emulator();
  const response = await post(
    handler,
    "/v1/responses",
    { model: "gpt-4o-mini", stream: true, ...body },
    headers,
  );
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return finalResponseOf(response);
}

async function nonStreamed(body: Json): Promise<OpenAIResponse> {
  const handler = emulator();
  const response = await post(handler, "/v1/responses", { model: "gpt-4o-mini", ...body });
  expect(response.status).toBe(200);
  return (await response.json()) as OpenAIResponse;
}

const computer = {
  type: "computer_use_preview",
  display_width: 1024,
  display_height: 768,
  environment: "browser",
};

function messageText(response: OpenAIResponse): string {
  const message = response.output.find((item) => item.type === "message");
  if (!message || message.type !== "message") throw new Error("no message");
  const part = message.content[0]!;
  return part.type === "output_text" ? part.text : part.refusal;
}

describe("Responses scenarios, streamed and parsed by the openai package", () => {
  it("answers with the default markdown that mentions the user's text", async () => {
    const final = await streamed({ input: "Tell me about otters" });
    expect(final.status).toBe("completed");
    expect(final.id).toMatch(/^resp_emu_/);
    expect(final.created_at).toBe(1_750_000_000);
    const text = messageText(final);
    expect(text).toContain("Tell me about otters");
    for (const block of [
      "## ",
      "**",
      "`inline code`",
      "](https://",
      "\n- ",
      "```ts",
      "| --- |",
      "\n> ",
    ]) {
      expect(text).toContain(block);
    }
    expect(final.usage!.input_tokens).toBeGreaterThan(0);
    expect(final.usage!.output_tokens).toBeGreaterThan(0);
  });

  it("streams the same response it returns without streaming", async () => {
    const body = { model: "gpt-4o-mini", input: [{ role: "user", content: "hello" }] };
    const all = await events(await post(emulator(), "/v1/responses", { ...body, stream: true }));
    const completed = all.at(-1)!.response as OpenAIResponse;
    const plain = await nonStreamed(body);
    expect(plain).toEqual(completed);
    expect(plain.status).toBe("completed");
  });

  it("reports cached tokens on follow-up turns", async () => {
    const final = await streamed({
      input: [
        { role: "user", content: "first question about the moon" },
        { role: "assistant", content: "first answer" },
        { role: "user", content: "and the second?" },
      ],
    });
    expect(final.usage!.input_tokens_details.cached_tokens).toBeGreaterThan(0);
  });

  it("streams reasoning summaries, encrypted content when included, and reasoning tokens", async () => {
    const final = await streamed({
      model: "o4-mini",
      input: "Why is the sky blue?",
      reasoning: { effort: "low", summary: "auto" },
      include: ["reasoning.encrypted_content"],
    });
    const reasoning = final.output[0]!;
    expect(reasoning.type).toBe("reasoning");
    if (reasoning.type !== "reasoning") return;
    expect(reasoning.summary.length).toBe(2);
    expect(reasoning.summary[0]!.text).toContain("Why is the sky blue?");
    expect(reasoning.encrypted_content).toMatch(/^gAAAA/);
    expect(final.usage!.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    expect(messageText(final)).toContain("Why is the sky blue?");
  });

  it("leaves out encrypted reasoning unless asked", async () => {
    const final = await streamed({ input: "think about it" });
    expect(final.output[0]).not.toHaveProperty("encrypted_content");
  });

  it("calls a function with arguments that fit its schema, streamed as deltas", async () => {
    const handler = emulator();
    const response = await post(handler, "/v1/responses", {
      model: "gpt-4o-mini",
      input: "What's the weather in Paris?",
      tools: [weatherTool],
      stream: true,
    });
    const all = await events(response);
    expect(
      all.filter((e) => e.type === "response.function_call_arguments.delta").length,
    ).toBeGreaterThan(1);
    const final = all.at(-1)!.response as OpenAIResponse;
    expect(final.output).toHaveLength(1);
    const call = final.output[0]!;
    if (call.type !== "function_call") throw new Error(call.type);
    expect(call.name).toBe("get_weather");
    expect(call.call_id).toMatch(/^call_emu_/);
    const args = JSON.parse(call.arguments);
    expect(typeof args.location).toBe("string");
    expect(["C", "F"]).toContain(args.unit);
  });

  it("calls two functions in parallel when two tools are offered", async () => {
    const final = await streamed({
      input: "weather and time please, use a tool",
      tools: [weatherTool, timeTool],
    });
    expect(final.output.map((item) => item.type)).toEqual(["function_call", "function_call"]);
    expect(final.output.map((item) => (item as { name: string }).name)).toEqual([
      "get_weather",
      "get_time",
    ]);
  });

  it("calls one tool twice when the text says parallel", async () => {
    const final = await streamed({
      input: "parallel weather for two cities",
      tools: [weatherTool],
    });
    const args = final.output.map(
      (item) => JSON.parse((item as { arguments: string }).arguments).location,
    );
    expect(args).toHaveLength(2);
    expect(args[0]).not.toBe(args[1]);
  });

  it("answers with the tool outputs once they are in the input", async () => {
    const final = await streamed({
      input: [
        { role: "user", content: "weather in Paris?" },
        {
          type: "function_call",
          call_id: "call_1",
          name: "get_weather",
          arguments: '{"location":"Paris"}',
        },
        { type: "function_call_output", call_id: "call_1", output: '{"temperature":21}' },
      ],
      tools: [weatherTool],
    });
    const text = messageText(final);
    expect(text).toContain("get_weather");
    expect(text).toContain('{"temperature":21}');
  });

  it("produces structured output that conforms to the request's JSON schema", async () => {
    const schema = z.object({
      title: z.string(),
      rating: z.number().int().min(1).max(5),
      mood: z.enum(["happy", "sad"]),
      tags: z.array(z.string()),
      author: z.object({ name: z.string(), email: z.string() }),
      note: z.string().nullable(),
    });
    const final = await streamed({
      input: "Review the film",
      text: {
        format: {
          type: "json_schema",
          name: "review",
          strict: true,
          schema: z.toJSONSchema(schema),
        },
      },
    });
    const value = schema.parse(JSON.parse(messageText(final)));
    expect(value.tags.length).toBeGreaterThan(0);
  });

  it("searches the web and cites sources at the right indices", async () => {
    const final = await streamed({
      input: "What is the latest news?",
      tools: [{ type: "web_search" }],
    });
    expect(final.output.map((item) => item.type)).toEqual([
      "web_search_call",
      "web_search_call",
      "message",
    ]);
    const search = final.output[0]!;
    if (search.type !== "web_search_call") throw new Error(search.type);
    expect(search.action).toMatchObject({ type: "search", query: "What is the latest news?" });
    expect(final.output[1]).toMatchObject({ action: { type: "open_page" } });
    const message = final.output[2]!;
    if (message.type !== "message" || message.content[0]!.type !== "output_text") throw new Error();
    const { text, annotations } = message.content[0]!;
    expect(annotations).toHaveLength(2);
    for (const annotation of annotations) {
      if (annotation.type !== "url_citation") throw new Error(annotation.type);
      expect(text.slice(annotation.start_index, annotation.end_index)).toContain(annotation.url);
    }
  });

  it("announces each citation after the text it points at has streamed", async () => {
    const response = await post(emulator(), "/v1/responses", {
      model: "gpt-4o-mini",
      input: "search news",
      tools: [{ type: "web_search" }],
      stream: true,
    });
    const all = await events(response);
    let streamedText = "";
    for (const event of all) {
      if (event.type === "response.output_text.delta") streamedText += event.delta;
      if (event.type === "response.output_text.annotation.added") {
        expect(streamedText.length).toBeGreaterThanOrEqual(event.annotation.end_index);
      }
    }
  });

  it("searches files, with results only when included, and cites the file", async () => {
    const withResults = await streamed({
      input: "What does the document say?",
      tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }],
      include: ["file_search_call.results"],
    });
    const call = withResults.output[0]!;
    if (call.type !== "file_search_call") throw new Error(call.type);
    expect(call.results?.[0]?.filename).toBe("handbook.pdf");
    const message = withResults.output[1]!;
    if (message.type !== "message" || message.content[0]!.type !== "output_text") throw new Error();
    const citation = message.content[0]!.annotations[0]!;
    expect(citation).toMatchObject({ type: "file_citation", filename: "handbook.pdf" });
    const withoutResults = await streamed({
      input: "summarise the file",
      tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }],
    });
    expect((withoutResults.output[0] as { results: unknown }).results).toBeNull();
  });

  it("generates an image with partial images, as many as requested", async () => {
    const response = await post(emulator({ imageSize: 32 }), "/v1/responses", {
      model: "gpt-4o-mini",
      input: "Draw a picture of a cat",
      tools: [{ type: "image_generation", partial_images: 3 }],
      stream: true,
    });
    const all = await events(response);
    const partials = all.filter((e) => e.type === "response.image_generation_call.partial_image");
    expect(partials.map((e) => e.partial_image_index)).toEqual([0, 1, 2]);
    const final = all.at(-1)!.response as OpenAIResponse;
    const image = final.output[0]!;
    if (image.type !== "image_generation_call") throw new Error(image.type);
    expect(image.result).toMatch(/^iVBORw0KGgo/);
    expect(new Set([...partials.map((e) => e.partial_image_b64), image.result]).size).toBe(4);
    expect((image as unknown as Json).revised_prompt).toContain("Draw a picture of a cat");
  });

  it("defaults to two partial images", async () => {
    const response = await post(emulator({ imageSize: 16 }), "/v1/responses", {
      model: "gpt-4o-mini",
      input: "draw",
      tools: [{ type: "image_generation" }],
      stream: true,
    });
    const all = await events(response);
    expect(
      all.filter((e) => e.type === "response.image_generation_call.partial_image"),
    ).toHaveLength(2);
  });

  it("runs code with streamed code, logs, an image and a container file citation", async () => {
    const response = await post(emulator(), "/v1/responses", {
      model: "gpt-4o-mini",
      input: "Calculate with python",
      tools: [{ type: "code_interpreter", container: { type: "auto" } }],
      stream: true,
    });
    const all = await events(response);
    expect(
      all.filter((e) => e.type === "response.code_interpreter_call_code.delta").length,
    ).toBeGreaterThan(3);
    const final = all.at(-1)!.response as OpenAIResponse;
    const call = final.output[0]!;
    if (call.type !== "code_interpreter_call") throw new Error(call.type);
    expect(call.outputs?.map((output) => output.type)).toEqual(["logs", "image"]);
    const message = final.output[1]!;
    if (message.type !== "message" || message.content[0]!.type !== "output_text") throw new Error();
    const { text, annotations } = message.content[0]!;
    const citation = annotations[0]!;
    if (citation.type !== "container_file_citation") throw new Error(citation.type);
    expect(citation.container_id).toBe(call.container_id);
    expect(text.slice(citation.start_index, citation.end_index)).toContain("plot.png");
  });

  it("drives a computer: screenshot first, then click, type and scroll after each output", async () => {
    const first = await streamed({
      model: "computer-use-preview",
      input: "Click the button on my computer",
      tools: [computer],
    });
    const call = first.output[0]!;
    if (call.type !== "computer_call") throw new Error(call.type);
    expect(call.action!.type).toBe("screenshot");
    expect(call.pending_safety_checks).toEqual([]);
    const actions: string[] = [];
    const input: Json[] = [{ role: "user", content: "Click the button on my computer" }];
    let callId = call.call_id;
    for (let step = 0; step < 3; step++) {
      input.push({
        type: "computer_call_output",
        call_id: callId,
        output: { type: "computer_screenshot", image_url: "data:image/png;base64,AAAA" },
      });
      const next = await streamed({ model: "computer-use-preview", input, tools: [computer] });
      const nextCall = next.output[0]!;
      if (nextCall.type !== "computer_call") throw new Error(nextCall.type);
      actions.push(nextCall.action!.type);
      callId = nextCall.call_id;
    }
    expect(actions).toEqual(["click", "type", "scroll"]);
  });

  it("asks for a safety acknowledgement when the task is sensitive", async () => {
    const final = await streamed({
      model: "computer-use-preview",
      input: "take a screenshot of the sensitive page",
      tools: [computer],
    });
    expect(
      (final.output[0] as { pending_safety_checks: unknown[] }).pending_safety_checks,
    ).toHaveLength(1);
  });

  it("lists MCP tools and calls one", async () => {
    const final = await streamed({
      input: "Roll a die with mcp",
      tools: [
        {
          type: "mcp",
          server_label: "dice",
          server_url: "https://dice.example/mcp",
          require_approval: "never",
        },
      ],
    });
    expect(final.output.map((item) => item.type)).toEqual([
      "mcp_list_tools",
      "mcp_call",
      "message",
    ]);
    expect(final.output[1]).toMatchObject({ name: "roll_dice", server_label: "dice", output: "4" });
  });

  it("reasons on any question when a reasoning model is asked for its reasoning summary", async () => {
    const final = await nonStreamed({
      model: "gpt-5-nano",
      input: "What is 3^3?",
      reasoning: { effort: "medium", summary: "auto" },
    });
    expect(final.output.map((item) => item.type)).toEqual(["reasoning", "message"]);
  });

  it("asks approval for the MCP tool require_approval.always.tool_names names", async () => {
    const final = await nonStreamed({
      input: "What transport protocols does the MCP spec support?",
      tools: [
        {
          type: "mcp",
          server_label: "deepwiki",
          server_url: "https://mcp.deepwiki.com/mcp",
          require_approval: { always: { tool_names: ["read_wiki_structure"] } },
        },
      ],
    });
    const request = final.output.find((item) => item.type === "mcp_approval_request");
    expect(request).toMatchObject({ name: "read_wiki_structure", server_label: "deepwiki" });
    const listed = final.output.find((item) => item.type === "mcp_list_tools");
    expect(listed?.type === "mcp_list_tools" && listed.tools.map((tool) => tool.name)).toContain(
      "read_wiki_structure",
    );
  });

  it("searches the files for a question about research when file search is offered", async () => {
    const final = await nonStreamed({
      input: "What is deep research by OpenAI?",
      tools: [{ type: "file_search", vector_store_ids: ["vs_docs"] }],
    });
    expect(final.output[0]!.type).toBe("file_search_call");
  });

  it("calls the function tool a question names even when a JSON schema response format is set", async () => {
    const final = await nonStreamed({
      input: "What is the weather in SF?",
      tools: [weatherTool],
      text: {
        format: {
          type: "json_schema",
          name: "OutputSchema",
          strict: true,
          schema: {
            type: "object",
            properties: { answer: { type: "string" } },
            required: ["answer"],
            additionalProperties: false,
          },
        },
      },
    });
    expect(final.output[0]!.type).toBe("function_call");
  });

  it("asks for MCP approval, then calls when approved or says it was denied", async () => {
    const tools = [
      {
        type: "mcp",
        server_label: "dice",
        server_url: "https://dice.example/mcp",
        require_approval: "always",
      },
    ];
    const first = await streamed({ input: "Roll a die with mcp", tools });
    expect(first.output.map((item) => item.type)).toEqual([
      "mcp_list_tools",
      "mcp_approval_request",
    ]);
    const request = first.output[1] as unknown as Json;
    const history = [{ role: "user", content: "Roll a die with mcp" }, request];
    const approved = await streamed({
      input: [
        ...history,
        { type: "mcp_approval_response", approval_request_id: request.id, approve: true },
      ],
      tools,
    });
    expect(approved.output.map((item) => item.type)).toEqual([
      "mcp_list_tools",
      "mcp_call",
      "message",
    ]);
    expect(approved.output[1]).toMatchObject({
      approval_request_id: request.id,
      name: "roll_dice",
    });
    const denied = await streamed({
      input: [
        ...history,
        { type: "mcp_approval_response", approval_request_id: request.id, approve: false },
      ],
      tools,
    });
    expect(messageText(denied)).toContain("denied");
  });

  it("refuses with refusal content and refusal deltas", async () => {
    const response = await post(emulator(), "/v1/responses", {
      model: "gpt-4o-mini",
      input: "please refuse",
      stream: true,
    });
    const all = await events(response);
    expect(all.filter((e) => e.type === "response.refusal.delta").length).toBeGreaterThan(1);
    expect(all.some((e) => e.type === "response.refusal.done")).toBe(true);
    const final = all.at(-1)!.response as OpenAIResponse;
    const message = final.output[0]!;
    if (message.type !== "message") throw new Error(message.type);
    expect(message.content[0]!.type).toBe("refusal");
  });

  it("sends token logprobs with alternatives when asked", async () => {
    const final = await streamed({
      input: "hello",
      include: ["message.output_text.logprobs"],
      top_logprobs: 3,
    });
    const message = final.output[0]!;
    if (message.type !== "message" || message.content[0]!.type !== "output_text") throw new Error();
    const { logprobs, text } = message.content[0]!;
    expect(logprobs!.map((entry) => entry.token).join("")).toBe(text);
    expect(logprobs![0]!.top_logprobs).toHaveLength(3);
  });

  it("picks a scenario from the header or a directive over keywords", async () => {
    const byHeader = await streamed({ input: "hello" }, { "x-colloquy-scenario": "refusal" });
    expect((byHeader.output[0] as unknown as Json).content[0].type).toBe("refusal");
    const byDirective = await streamed({
      input: "hello [scenario:web-search]",
      tools: [{ type: "web_search" }],
    });
    expect(byDirective.output[0]!.type).toBe("web_search_call");
    const undeclared = await streamed({ input: "hello [scenario:web-search]" });
    expect(undeclared.output.map((item) => item.type)).toEqual(["message"]);
  });

  it("numbers events from 0 without gaps and ends with response.completed", async () => {
    const response = await post(emulator(), "/v1/responses", {
      model: "gpt-4o-mini",
      input: "why?",
      stream: true,
    });
    const all = await events(response);
    expect(all.map((e) => e.sequence_number)).toEqual(all.map((_, index) => index));
    expect(all[0]!.type).toBe("response.created");
    expect(all[1]!.type).toBe("response.in_progress");
    expect(all.at(-1)!.type).toBe("response.completed");
  });

  it("gives the same ids and bytes for the same requests on a fresh emulator", async () => {
    const run = async () =>
      (
        await post(emulator(), "/v1/responses", { model: "gpt-4o-mini", input: "hi", stream: true })
      ).text();
    expect(await run()).toBe(await run());
  });
});
