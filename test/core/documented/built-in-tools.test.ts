import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import { messageText } from "../../../src/core/model/guards.js";
import type { Message } from "../../../src/core/model/message.js";
import type { Part } from "../../../src/core/model/parts.js";
import { renderPictureBase64 } from "../../../src/testing/index.js";
import { documentedSetup, waitFor } from "./support.js";

const setup = documentedSetup();

const partsOf = (message: Message, type: Part["type"]) =>
  message.parts.filter((part) => part.type === type);

function annotationsOf(message: Message): { type: string }[] {
  return message.parts.flatMap((part) =>
    part.type === "text" ? [...(part.annotations ?? [])] : [],
  );
}

describe("documentation: Responses API built-in tools", () => {
  it("documented: web search, 'What was a positive news story from today?' gives a web_search_call and text with url citations", async () => {
    const client = setup.client().bindTools([{ type: "web_search" }]);
    const response = await client.invoke("What was a positive news story from today?");
    expect(setup.sent.at(-1)!.path).toBe("/v1/responses");
    expect(partsOf(response, "web-search-call").length).toBeGreaterThan(0);
    expect(messageText(response)).not.toBe("");
    expect(annotationsOf(response).some((a) => a.type === "url_citation")).toBe(true);
  });

  it("documented: web search, built-in tools passed as invocation params stream the same blocks", async () => {
    const client = setup.client();
    let last: Message | undefined;
    for await (const snapshot of client.stream("What was a positive news story from today?", {
      tools: [{ type: "web_search" }],
    }))
      last = snapshot;
    expect(
      partsOf(last!, "web-search-call").every(
        (part) => "state" in part && part.state === "completed",
      ),
    ).toBe(true);
    expect(annotationsOf(last!).some((a) => a.type === "url_citation")).toBe(true);
  });

  it("documented: image generation, 'Draw a picture of a cute fuzzy cat with an umbrella' gives a generated base64 image", async () => {
    const client = setup.client().bindTools([{ type: "image_generation", quality: "low" }]);
    const aiMessage = await client.invoke("Draw a picture of a cute fuzzy cat with an umbrella");
    const images = partsOf(aiMessage, "image") as Extract<Part, { type: "image" }>[];
    const image = images.find((part) => part.origin === "generated" && part.state === "complete");
    expect(image).toBeDefined();
    // The image decodes to a PNG, as `base64.b64decode(image["base64"])` does in the example.
    const bytes = Buffer.from(image!.data!, "base64");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("documented: file search, 'What is deep research by OpenAI?' with vector stores gives a file_search_call with results and file citations", async () => {
    const client = setup
      .client({ include: ["file_search_call.results"] })
      .bindTools([{ type: "file_search", vector_store_ids: ["vs_docs"] }]);
    const response = await client.invoke("What is deep research by OpenAI?");
    const calls = partsOf(response, "file-search-call") as Extract<
      Part,
      { type: "file-search-call" }
    >[];
    expect(calls).toHaveLength(1);
    expect(calls[0]!.item.queries.length).toBeGreaterThan(0);
    expect(messageText(response)).not.toBe("");
    expect(annotationsOf(response).some((a) => a.type === "file_citation")).toBe(true);
  });

  it("documented: code interpreter, 'what is 3^3?' with container auto gives a code_interpreter_call with its container id and outputs", async () => {
    const client = setup
      .client({ include: ["code_interpreter_call.outputs"] })
      .bindTools([{ type: "code_interpreter", container: { type: "auto" } }]);
    const response = await client.invoke("Write and run code to answer the question: what is 3^3?");
    const calls = partsOf(response, "code-interpreter-call") as Extract<
      Part,
      { type: "code-interpreter-call" }
    >[];
    expect(calls).toHaveLength(1);
    expect(calls[0]!.item.container_id).toMatch(/.+/);
    expect(calls[0]!.item.outputs?.length).toBeGreaterThan(0);
    expect(messageText(response)).not.toBe("");
  });

  it("documented: computer use, 'Click the red X' with a screenshot gives a computer_call, and the screenshot sent back continues the loop", async () => {
    const screenshot = `data:image/png;base64,${renderPictureBase64({ size: 32, seed: "desktop" })}`;
    const client = setup.client({
      model: "computer-use-preview",
      truncation: "auto",
      reasoning: { summary: "concise" },
    });
    const store = new ChatStore({ client, notify: "sync", storage: null });
    const actions: unknown[] = [];
    attachToolRunner(store, {
      tools: [],
      builtinTools: [
        {
          type: "computer_use_preview",
          display_width: 1024,
          display_height: 768,
          environment: "browser",
        },
      ],
      maxSteps: 3,
      computer: async (action) => {
        actions.push(action);
        return { imageUrl: screenshot };
      },
    });
    // The documented message: text plus the screenshot as an input image.
    await store.send([
      {
        type: "text",
        text: "Click the red X to close and reveal my Desktop. Proceed, no confirmation needed.",
      },
      { type: "image", origin: "input", url: screenshot },
    ]);
    await waitFor(() => actions.length >= 2, "two computer actions");
    expect(partsOf(store.getSnapshot().messages[1]!, "computer-call")).toHaveLength(1);
    const second = setup.sent.filter((request) => request.path === "/v1/responses").at(-1)!;
    const input = second.body.input as { type?: string }[];
    expect(input.some((item) => item.type === "computer_call_output")).toBe(true);
  });

  it("documented: remote MCP, require_approval 'never' gives mcp_list_tools and an mcp_call with output", async () => {
    const client = setup.client().bindTools([
      {
        type: "mcp",
        server_label: "deepwiki",
        server_url: "https://mcp.deepwiki.com/mcp",
        require_approval: "never",
      },
    ]);
    const response = await client.invoke(
      "What transport protocols does the 2025-03-26 version of the MCP spec (modelcontextprotocol/modelcontextprotocol) support?",
    );
    expect(partsOf(response, "mcp-list-tools")).toHaveLength(1);
    const calls = partsOf(response, "mcp-call") as Extract<Part, { type: "mcp-call" }>[];
    expect(calls).toHaveLength(1);
    expect(calls[0]!.item.output).toMatch(/.+/);
    expect(messageText(response)).not.toBe("");
  });

  it("documented: remote MCP approvals, an mcp_approval_request answered with an mcp_approval_response content block and previous_response_id runs the call", async () => {
    const mcp = {
      type: "mcp" as const,
      server_label: "deepwiki",
      server_url: "https://mcp.deepwiki.com/mcp",
      require_approval: { always: { tool_names: ["read_wiki_structure"] } },
    };
    const client = setup.client({ store: true }).bindTools([mcp]);
    const response = await client.invoke(
      "What transport protocols does the 2025-03-26 version of the MCP spec (modelcontextprotocol/modelcontextprotocol) support?",
    );
    const requests = partsOf(response, "mcp-approval-request") as Extract<
      Part,
      { type: "mcp-approval-request" }
    >[];
    expect(requests).toHaveLength(1);
    const approvalMessage = {
      role: "user" as const,
      content: requests.map((block) => ({
        type: "mcp_approval_response" as const,
        approve: true,
        approval_request_id: block.item.id,
      })),
    };
    const nextResponse = await client.invoke([approvalMessage], {
      previousResponseId: response.metadata.responseId!,
    });
    const body = setup.sent.at(-1)!.body;
    expect(body.previous_response_id).toBe(response.metadata.responseId);
    expect(body.input).toMatchObject([
      { type: "mcp_approval_response", approve: true, approval_request_id: requests[0]!.item.id },
    ]);
    expect(partsOf(nextResponse, "mcp-call")).toHaveLength(1);
    expect(messageText(nextResponse)).not.toBe("");
  });

  it("documented: reasoning output, reasoning effort medium with summary auto on 'What is 3^3?' gives the answer and a reasoning summary", async () => {
    const client = setup.client({
      model: "gpt-5-nano",
      reasoning: { effort: "medium", summary: "auto" },
    });
    const response = await client.invoke("What is 3^3?");
    expect(setup.sent.at(-1)!.body.reasoning).toEqual({ effort: "medium", summary: "auto" });
    expect(messageText(response)).not.toBe("");
    const reasoning = partsOf(response, "reasoning") as Extract<Part, { type: "reasoning" }>[];
    expect(reasoning).toHaveLength(1);
    expect(reasoning[0]!.summary.map((s) => s.text).join("")).not.toBe("");
  });
});
