import { describe, expect, it } from "vitest";
import { documentedSetup } from "./support.js";

const setup = documentedSetup();

/**
 * These documented flows run up to the model's answer: each test proves the documented
 * request reaches the emulator intact and is answered with the part the documentation shows
 * (an apply_patch call, a shell call, a tool search that loads the deferred function, speech).
 */
describe("documentation: tools the application runs, and audio (up to the emulator's answer)", () => {
  it("documented: apply patch, the apply_patch tool is sent as documented and answered with an apply_patch call", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([{ type: "apply_patch" }]);
    const response = await client.invoke("Create a file hello.py that prints hello world");
    expect(setup.sent.at(-1)!.body.tools).toEqual([{ type: "apply_patch" }]);
    expect(response.parts.map((part) => part.type)).toEqual(["apply-patch-call"]);
  });

  it("documented: shell, the shell tool is sent as documented and answered with a shell call", async () => {
    const client = setup.client({ model: "gpt-5.1" }).bindTools([{ type: "shell" }]);
    const response = await client.invoke("List the files in the current directory");
    expect(setup.sent.at(-1)!.body.tools).toEqual([{ type: "shell" }]);
    expect(response.parts.map((part) => part.type)).toEqual(["shell-call"]);
  });

  it("documented: tool search, a deferred function tool with the tool_search tool is sent, searched, loaded and called", async () => {
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
    expect(response.parts.map((part) => part.type)).toEqual([
      "tool-search-call",
      "tool-search-output",
      "tool-call",
    ]);
  });

  it("documented: audio generation, modalities text+audio with voice alloy in wav are sent and answered with speech", async () => {
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
    const audio = outputMessage.parts.find((part) => part.type === "audio");
    expect(audio).toMatchObject({ origin: "output", format: "wav" });
    expect(audio && "transcript" in audio ? audio.transcript : "").not.toBe("");
  });
});
