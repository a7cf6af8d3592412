import { describe, expect, it } from "vitest";
import { messageText } from "../../../src/core/model/guards.js";
import { documentedSetup } from "./support.js";

const setup = documentedSetup();

describe("documentation: Invocation", () => {
  it("documented: invocation, translating 'I love programming.' with a system message returns the assistant's text and usage", async () => {
    const client = setup.client({ api: "chat" });
    const reply = await client.invoke([
      [
        "system",
        "You are a helpful assistant that translates English to French. Translate the user sentence.",
      ],
      ["human", "I love programming."],
    ]);
    expect(reply.role).toBe("assistant");
    expect(messageText(reply)).toContain("I love programming.");
    expect(reply.metadata.usage?.inputTokens).toBeGreaterThan(0);
    expect(reply.metadata.usage?.outputTokens).toBeGreaterThan(0);
    const body = setup.sent.at(-1)!.body;
    expect(body.messages).toEqual([
      {
        role: "system",
        content:
          "You are a helpful assistant that translates English to French. Translate the user sentence.",
      },
      { role: "user", content: "I love programming." },
    ]);
  });

  it("documented: streaming usage metadata, a streamed answer ends with token usage", async () => {
    const client = setup.client({ api: "chat" });
    let last;
    for await (const snapshot of client.stream("Hello, how are you?")) last = snapshot;
    expect(messageText(last!)).not.toBe("");
    expect(last!.metadata.usage?.totalTokens).toBeGreaterThan(0);
    expect(setup.sent.at(-1)!.body.stream_options).toEqual({ include_usage: true });
  });
});
