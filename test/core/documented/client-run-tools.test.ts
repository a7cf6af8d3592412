import { describe, expect, it } from "vitest";
import { messageText } from "../../../src/core/model/guards.js";
import { documentedSetup } from "./support.js";

const setup = documentedSetup();

/**
 * These documented flows run only up to the model's answer: the emulator has no scenario
 * that makes an apply_patch, shell, tool search or audio output item yet, so each test proves
 * the documented request reaches the emulator intact and is answered, and asserts that the
 * emulator answered with text rather than the call (so the test changes once it can).
 */
describe("documentation: tools the application runs, and audio (up to the emulator's answer)", () => {
  it("documented: apply patch, the apply_patch tool is sent as documented and answered (no apply_patch_call scenario yet)", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([{ type: "apply_patch" }]);
    const response = await client.invoke("Create a file hello.py that prints hello world");
    expect(setup.sent.at(-1)!.body.tools).toEqual([{ type: "apply_patch" }]);
    expect(messageText(response)).not.toBe("");
  });

  it("documented: shell, the shell tool is sent as documented and answered (no shell_call scenario yet)", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([{ type: "shell" }]);
    const response = await client.invoke("List the files in the current directory");
    expect(setup.sent.at(-1)!.body.tools).toEqual([{ type: "shell" }]);
    expect(messageText(response)).not.toBe("");
  });

  it("documented: tool search, a deferred function tool with the tool_search tool is sent and answered (no tool_search_call scenario yet)", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([
      {
        type: "function",
        name: "get_weather",
        description: "Get the current weather for a location.",
        parameters: {
          type: "object",
          properties: { location: { type: "string" } },
          required: ["location"],
        },
        strict: false,
        defer_loading: true,
      } as never,
      { type: "tool_search" } as never,
    ]);
    const response = await client.invoke("What's the weather in San Francisco?");
    const tools = setup.sent.at(-1)!.body.tools as Record<string, unknown>[];
    expect(tools.map((tool) => tool.type)).toEqual(["function", "tool_search"]);
    expect(tools[0]!.defer_loading).toBe(true);
    expect(response.status).toBe("complete");
  });

  it("documented: audio generation, modalities text+audio with voice alloy in wav are sent and answered (no audio output scenario yet)", async () => {
    const client = setup.client({
      api: "chat",
      model: "gpt-4o-audio-preview",
      temperature: 0,
      modalities: ["text", "audio"],
      audio: { voice: "alloy", format: "wav" },
    });
    const outputMessage = await client.invoke([
      ["human", "Are you made by OpenAI? Just answer yes or no"],
    ]);
    const body = setup.sent.at(-1)!.body;
    expect(body.modalities).toEqual(["text", "audio"]);
    expect(body.audio).toEqual({ voice: "alloy", format: "wav" });
    expect(messageText(outputMessage)).not.toBe("");
  });
});
