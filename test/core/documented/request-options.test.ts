import { describe, expect, it } from "vitest";
import { messageText } from "../../../src/core/model/guards.js";
import { documentedSetup } from "./support.js";

const setup = documentedSetup();

const messages = [
  {
    role: "system" as const,
    content: "You are a helpful assistant that translates English to French.",
  },
  { role: "user" as const, content: "I love programming." },
];

const code = `/// <summary>
/// Represents a user with a first name, last name, and username.
/// </summary>
public class User
{
    public string FirstName { get; set; }
    public string LastName { get; set; }
    public string Username { get; set; }
}
`;

describe("documentation: request options", () => {
  it("documented: prompt caching, prompt_cache_key 'translation-assistant-v1' is sent and cache-read tokens are reported", async () => {
    const client = setup.client({ api: "chat" });
    const response = await client.invoke(messages, { promptCacheKey: "translation-assistant-v1" });
    expect(setup.sent.at(-1)!.body.prompt_cache_key).toBe("translation-assistant-v1");
    // `usage_metadata.input_token_details.cache_read`: the emulator caches a multi-message prefix.
    expect(response.metadata.usage?.cachedInputTokens).toBeGreaterThan(0);
    expect(messageText(response)).not.toBe("");
  });

  it("documented: prompt caching, a model-level cache key is the default and a per-call key overrides it", async () => {
    const client = setup.client({ api: "responses", promptCacheKey: "default-cache-v1" });
    await client.invoke(messages);
    expect(setup.sent.at(-1)!.body.prompt_cache_key).toBe("default-cache-v1");
    await client.invoke(messages, { promptCacheKey: "override-cache-v1" });
    expect(setup.sent.at(-1)!.body.prompt_cache_key).toBe("override-cache-v1");
  });

  it('documented: flex processing, service_tier="flex" on o4-mini is sent and the answer reports the flex tier', async () => {
    const client = setup.client({ model: "o4-mini", serviceTier: "flex" });
    const response = await client.invoke("Hello, how are you?");
    expect(setup.sent.at(-1)!.body.service_tier).toBe("flex");
    expect(response.metadata.serviceTier).toBe("flex");
    expect(messageText(response)).not.toBe("");
  });

  it("documented: predicted output, the code as prediction is sent and accepted prediction tokens are reported", async () => {
    const client = setup.client({ api: "chat", model: "gpt-4o" });
    const query =
      "Replace the Username property with an Email property. Respond only with code, and with no markdown formatting.";
    const response = await client.invoke(
      [
        { role: "user", content: query },
        { role: "user", content: code },
      ],
      { prediction: { type: "content", content: code } },
    );
    expect(setup.sent.at(-1)!.body.prediction).toEqual({ type: "content", content: code });
    const usage = response.metadata.usage!;
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(
      (usage.acceptedPredictionTokens ?? 0) + (usage.rejectedPredictionTokens ?? 0),
    ).toBeGreaterThan(0);
  });
});
