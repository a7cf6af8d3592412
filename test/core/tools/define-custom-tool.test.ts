import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import { toMessages } from "../../../src/core/convert/to-messages.js";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import type { ToolCallPart } from "../../../src/core/model/tool-call-part.js";
import { defineCustomTool } from "../../../src/core/tools/define-custom-tool.js";
import { toChatTools, toResponsesTools } from "../../../src/core/tools/to-wire-tools.js";
import { captureExchanges, capturesAvailable } from "../../support/captures.js";
import { fakeFetch } from "../client/support/fake-fetch.js";

const hasCaptures = capturesAvailable();

const lark = `
start: expr
expr: term (SP ADD SP term)* -> add
| term
term: factor (SP MUL SP factor)* -> mul
| factor
factor: INT
SP: " "
ADD: "+"
MUL: "*"
%import common.INT
`;

function recordedTools(api: "chat" | "responses", file: string): unknown {
  const request = captureExchanges(api, file)[0]!.request as { tools: unknown };
  return request.tools;
}

describe("defineCustomTool", () => {
  it("refuses a bad name and a grammar without a definition", async () => {
    expect(() => defineCustomTool({ name: "no spaces" })).toThrowError(/not valid/);
    expect(() =>
      defineCustomTool({
        name: "math",
        format: { type: "grammar", syntax: "lark", definition: " " },
      }),
    ).toThrowError(/non-empty "definition"/);
  });
});

describe.skipIf(!hasCaptures)("custom tool wire shapes match the recorded requests", () => {
  it("Chat Completions nests the grammar under format.grammar (chat/custom-tool-call)", async () => {
    const tool = defineCustomTool({
      name: "math_exp",
      description: "Creates valid mathematical expressions",
      format: { type: "grammar", syntax: "lark", definition: lark },
    });
    expect(toChatTools([tool]).value).toEqual(
      recordedTools("chat", "custom-tool-call.cassette.yaml"),
    );
  });

  it("Responses keeps the grammar flat (responses/custom-tool-call-lark-grammar)", async () => {
    const recorded = recordedTools("responses", "custom-tool-call-lark-grammar.cassette.yaml") as [
      { description: string; format: { definition: string } },
    ];
    const tool = defineCustomTool({
      name: "run_sql",
      description: recorded[0].description,
      format: { type: "grammar", syntax: "lark", definition: recorded[0].format.definition },
    });
    expect(toResponsesTools([tool])).toEqual(recorded);
  });

  it("a free-text custom tool matches the recorded request (responses/custom-tool-call-stream)", async () => {
    const tool = defineCustomTool({
      name: "execute_sql",
      description: "Execute SQL query on the database.",
      format: { type: "text" },
    });
    expect(toResponsesTools([tool])).toEqual(
      recordedTools("responses", "custom-tool-call-stream.cassette.yaml"),
    );
  });

  it("a raw Responses-shaped custom tool object is re-nested for Chat", async () => {
    const raw = {
      type: "custom" as const,
      name: "math_exp",
      description: "Creates valid mathematical expressions",
      format: { type: "grammar" as const, syntax: "lark" as const, definition: lark },
    };
    expect(toChatTools([raw]).value).toEqual(
      recordedTools("chat", "custom-tool-call.cassette.yaml"),
    );
  });
});

describe("custom tools and api: auto", () => {
  const tool = defineCustomTool({
    name: "math_exp",
    format: { type: "grammar", syntax: "lark", definition: lark },
  });
  const client = createChatClient({
    baseURL: "https://api.test/v1",
    model: "gpt-5",
    fetch: fakeFetch([]).fetch,
  });

  it("goes to Chat Completions (which takes custom tools) with the nested grammar", async () => {
    const request = await client.buildRequest(toMessages("add four plus four"), { tools: [tool] });
    expect(request.api).toBe("chat");
    expect(request.body.tools).toEqual([
      {
        type: "custom",
        custom: {
          name: "math_exp",
          format: { type: "grammar", grammar: { syntax: "lark", definition: lark } },
        },
      },
    ]);
    expect(request.warnings).toEqual([]);
  });

  it("goes to Responses with the flat grammar when asked", async () => {
    const request = await client.buildRequest(toMessages("add four plus four"), {
      tools: [tool],
    });
    const responses = await createChatClient({ ...client.options, api: "responses" }).buildRequest(
      toMessages("add four plus four"),
      { tools: [tool] },
    );
    expect(request.api).toBe("chat");
    expect(responses.body.tools).toEqual([
      {
        type: "custom",
        name: "math_exp",
        format: { type: "grammar", syntax: "lark", definition: lark },
      },
    ]);
  });
});

describe.skipIf(!hasCaptures)("the tool runner executes custom calls", () => {
  it("runs a streamed custom call with the raw input text and sends custom_tool_call_output", async () => {
    // The recording is the documented loop: call, output, another call, output, answer.
    const exchanges = captureExchanges("responses", "custom-tool-call-stream.cassette.yaml");
    const server = fakeFetch(exchanges.map((e) => ({ sse: e.sse! })));
    const client = createChatClient({
      baseURL: "https://api.test/v1",
      model: "gpt-5",
      api: "responses",
      fetch: server.fetch,
    });
    const inputs: string[] = [];
    const executeSql = defineCustomTool({
      name: "execute_sql",
      description: "Execute SQL query on the database.",
      format: { type: "text" },
      execute: (input) => {
        inputs.push(input);
        return "5 rows";
      },
    });
    const store = new ChatStore({ client, notify: "sync", storage: null });
    attachToolRunner(store, { tools: [executeSql] });
    await store.send("List the first 5 users from the users table");
    await waitFor(
      () => server.requests.length === exchanges.length && store.getSnapshot().status === "ready",
    );
    const call = store
      .getSnapshot()
      .messages.flatMap((m) => m.parts)
      .find((p): p is ToolCallPart => p.type === "tool-call")!;
    expect(call.kind).toBe("custom");
    expect(inputs[0]).toBe(call.inputText);
    expect(inputs).toHaveLength(exchanges.length - 1);
    expect(inputs[0]).toMatch(/SELECT/i);
    expect(call.state).toBe("output-available");
    const input = server.requests[1]!.body!.input as Record<string, unknown>[];
    expect(input).toContainEqual({
      type: "custom_tool_call_output",
      call_id: call.toolCallId,
      output: "5 rows",
    });
  });

  it("answers a custom call on Chat with a tool message carrying the output", async () => {
    const [user] = toMessages("add");
    const messages = [
      user!,
      {
        id: "a1",
        role: "assistant" as const,
        status: "complete" as const,
        metadata: {},
        parts: [
          {
            type: "tool-call" as const,
            kind: "custom" as const,
            state: "output-available" as const,
            toolCallId: "call_1",
            toolName: "math_exp",
            inputText: "4 + 4",
            input: "4 + 4",
            output: "8",
          },
        ],
      },
    ];
    const wire = toChatCompletionsMessages(messages).value;
    expect(wire.slice(1)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "call_1", type: "custom", custom: { name: "math_exp", input: "4 + 4" } },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: "8" },
    ]);
  });
});

async function waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("condition not reached");
}
