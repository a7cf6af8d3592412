import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import { createChatClientWith } from "../../../src/core/client/client.js";
import { defaultCodec } from "../../../src/core/client/default-codec.js";
import { messageText } from "../../../src/core/model/guards.js";
import { defineCustomTool } from "../../../src/core/tools/define-custom-tool.js";
import { captureExchanges, capturesAvailable } from "../../support/captures.js";
import { fakeFetch } from "../client/support/fake-fetch.js";

const hasCaptures = capturesAvailable();

/**
 * The documentation's "Custom tools > Context-free grammars" example: a custom tool with a
 * lark grammar, called by the model with grammar-shaped text, answered with
 * `custom_tool_call_output`, then the model's answer. The upstream is the recorded real
 * exchange of the same flow (responses/custom-tool-call-lark-grammar), so every request we send
 * is checked against the one OpenAI received.
 */
describe.skipIf(!hasCaptures)("documentation: custom tools with a context-free grammar", () => {
  it("follows 'Custom tools > Context-free grammars' (lark) end to end", async () => {
    const exchanges = captureExchanges("responses", "custom-tool-call-lark-grammar.cassette.yaml");
    const recorded = exchanges.map((e) => e.request as Record<string, unknown>);
    const server = fakeFetch(exchanges.map((e) => ({ json: e.json })));
    const client = createChatClientWith(
      {
        baseURL: "https://api.test/v1",
        model: "gpt-5",
        api: "responses",
        stream: false,
        include: ["reasoning.encrypted_content"],
        fetch: server.fetch,
      },
      defaultCodec,
    );
    const tools = recorded[0]!.tools as [{ description: string; format: { definition: string } }];
    const inputs: string[] = [];
    const runSql = defineCustomTool({
      name: "run_sql",
      description: tools[0].description,
      format: { type: "grammar", syntax: "lark", definition: tools[0].format.definition },
      execute: (input) => {
        inputs.push(input);
        return "Executed successfully: 5 rows";
      },
    });
    const store = new ChatStore({ client, notify: "sync", storage: null });
    attachToolRunner(store, { tools: [runSql] });
    await store.send("Get all data from the users table");
    await waitFor(() => server.requests.length === 2 && store.getSnapshot().status === "ready");

    // The tool ran on the model's raw, grammar-shaped text (not on parsed JSON).
    expect(inputs).toEqual(["SELECT * FROM users"]);
    expect(server.requests[0]!.body!.tools).toEqual(recorded[0]!.tools);
    const sentInput = server.requests[1]!.body!.input as Record<string, unknown>[];
    const recordedInput = recorded[1]!.input as Record<string, unknown>[];
    // The recording's client re-wrote the call's input as JSON; call id and name are what count.
    const { call_id, name } = recordedInput.find((i) => i.type === "custom_tool_call")!;
    expect(sentInput.find((i) => i.type === "custom_tool_call")).toMatchObject({
      call_id,
      name,
      input: "SELECT * FROM users",
    });
    expect(sentInput.find((i) => i.type === "custom_tool_call_output")).toEqual(
      recordedInput.find((i) => i.type === "custom_tool_call_output"),
    );
    expect(messageText(store.getSnapshot().messages.at(-1)!)).not.toBe("");
  });
});

async function waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("condition not reached");
}
