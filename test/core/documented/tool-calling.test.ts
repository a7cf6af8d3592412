import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatStore } from "../../../src/core/chat/chat-store.js";
import { attachToolRunner } from "../../../src/core/chat/tool-runner.js";
import { messageText, messageToolCalls } from "../../../src/core/model/guards.js";
import { defineTool } from "../../../src/core/tools/define-tool.js";
import { documentedSetup, waitFor } from "./support.js";

const setup = documentedSetup();

const GetWeather = z.object({
  location: z.string().describe("The city and state, e.g. San Francisco, CA"),
});

describe("documentation: Tool calling", () => {
  it("documented: tool calling, bind tools (GetWeather) gives a tool call with arguments matching the schema", async () => {
    const getWeather = defineTool({
      name: "GetWeather",
      description: "Get the current weather in a given location",
      parameters: GetWeather,
    });
    const client = setup.client({ api: "chat" }).bindTools([getWeather]);
    const reply = await client.invoke("what is the weather like in San Francisco");
    const calls = messageToolCalls(reply);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.toolName).toBe("GetWeather");
    expect(GetWeather.safeParse(calls[0]!.input).success).toBe(true);
    expect(reply.metadata.finishReason).toMatch(/tool/);
  });

  it("documented: tool calling, strict: true and parallel_tool_calls: false send a strict tool and give one valid call", async () => {
    const getWeather = defineTool({
      name: "GetWeather",
      description: "Get the current weather in a given location",
      parameters: GetWeather,
    });
    const client = setup
      .client({ api: "chat" })
      .bindTools([getWeather], { strict: true, parallelToolCalls: false });
    const reply = await client.invoke(
      "what is the weather like in San Francisco and in Los Angeles",
    );
    const body = setup.sent.at(-1)!.body;
    expect(body.parallel_tool_calls).toBe(false);
    expect(body.tools).toMatchObject([
      { type: "function", function: { name: "GetWeather", strict: true } },
    ]);
    const calls = messageToolCalls(reply);
    // With parallel calls off the model makes at most one call per turn.
    expect(calls).toHaveLength(1);
    expect(GetWeather.safeParse(calls[0]!.input).success).toBe(true);
  });

  it("documented: tool calling, tool calls are run and the answer uses the tool's output", async () => {
    const ran: unknown[] = [];
    const getWeather = defineTool({
      name: "GetWeather",
      description: "Get the current weather in a given location",
      parameters: GetWeather,
      execute: (args) => {
        ran.push(args);
        return { forecast: "sunny", temperatureF: 72 };
      },
    });
    const store = new ChatStore({
      client: setup.client({ api: "chat" }),
      notify: "sync",
      storage: null,
    });
    attachToolRunner(store, { tools: [getWeather] });
    await store.send("what is the weather like in San Francisco");
    await waitFor(
      () => store.getSnapshot().status === "ready" && store.getSnapshot().messages.length >= 3,
      "the answer after the tool",
    );
    expect(ran).toHaveLength(1);
    expect(GetWeather.safeParse(ran[0]).success).toBe(true);
    const answer = messageText(store.getSnapshot().messages.at(-1)!);
    expect(answer).toMatch(/sunny|72/);
  });
});
