import { describe, expect, it } from "vitest";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import { messageText } from "../../../src/core/model/guards.js";
import { defineCustomTool } from "../../../src/core/tools/define-custom-tool.js";
import { createEmulatorHandler } from "../../../src/testing/index.js";
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
    const client = createChatClient({
      baseURL: "https://api.test/v1",
      model: "gpt-5",
      api: "responses",
      stream: false,
      include: ["reasoning.encrypted_content"],
      fetch: server.fetch,
    });
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

/**
 * The same documentation (LangChain's ChatOpenAI page, "Context-free grammars": a `do_math`
 * custom tool with a lark grammar, "Use the tool to calculate 3^3."), run to the end against
 * the emulator instead of a recording: the custom call arrives with input the grammar accepts,
 * its output goes back as `custom_tool_call_output`, and the final text arrives.
 */
describe("documentation: custom tools with a context-free grammar, against the emulator", () => {
  const grammar = [
    "start: expr",
    "expr: term (SP ADD SP term)* -> add",
    "| term",
    "term: factor (SP MUL SP factor)* -> mul",
    "| factor",
    "factor: INT",
    'SP: " "',
    'ADD: "+"',
    'MUL: "*"',
    "%import common.INT",
  ].join("\n");

  for (const stream of [false, true]) {
    it(`runs 'Context-free grammars' end to end (${stream ? "streamed" : "not streamed"})`, async () => {
      const handler = createEmulatorHandler();
      const bodies: Record<string, unknown>[] = [];
      const fetch: typeof globalThis.fetch = async (input, init) => {
        bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
        return handler(new Request(new URL(String(input), "http://127.0.0.1/"), init));
      };
      const client = createChatClient({
        baseURL: "http://127.0.0.1/v1",
        model: "gpt-5",
        api: "responses",
        stream,
        fetch,
      });
      const inputs: string[] = [];
      const doMath = defineCustomTool({
        name: "do_math",
        description: "Do a mathematical operation.",
        format: { type: "grammar", syntax: "lark", definition: grammar },
        execute: (input) => {
          inputs.push(input);
          return "27";
        },
      });
      const store = new ChatStore({ client, notify: "sync", storage: null });
      attachToolRunner(store, { tools: [doMath] });
      await store.send("Use the tool to calculate 3^3.");
      await waitFor(() => bodies.length === 2 && store.getSnapshot().status === "ready");

      // The model's input is grammar-shaped: integers joined by the grammar's operators.
      expect(inputs).toHaveLength(1);
      expect(inputs[0]).toMatch(/^\d+( [+*] \d+)*$/);
      const sent = bodies[1]!.input as Record<string, unknown>[];
      const call = sent.find((item) => item.type === "custom_tool_call")!;
      expect(call).toMatchObject({ name: "do_math", input: inputs[0] });
      expect(sent.find((item) => item.type === "custom_tool_call_output")).toMatchObject({
        call_id: call.call_id,
        output: "27",
      });
      const answer = messageText(store.getSnapshot().messages.at(-1)!);
      expect(answer).toContain("27");
      expect(store.getSnapshot().error ?? null).toBeNull();
    });
  }
});

async function waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("condition not reached");
}
