import { describe, expect, it } from "vitest";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import type { ChatClientOptions } from "../../../src/core/client/types.js";
import { messageText } from "../../../src/core/model/guards.js";
import { createOpenAIProxy, type AzureUpstreamOptions } from "../../../src/server/index.js";
import { documentedSetup } from "./support.js";

const setup = documentedSetup();

const translate = [
  [
    "system",
    "You are a helpful assistant that translates English to French. Translate the user sentence.",
  ],
  ["human", "I love programming."],
] as const;

/** A colloquy client talking to the proxy, configured for Azure in front of the emulator. */
function clientThroughAzureProxy(azure: AzureUpstreamOptions, options: Partial<ChatClientOptions>) {
  const proxy = createOpenAIProxy({ env: {}, logger: false, models: "all", azure });
  return createChatClient({
    baseURL: "http://app.local/api/openai/v1",
    maxRetries: 0,
    fetch: (input, init) => proxy(new Request(input, init)),
    ...options,
  });
}

describe("documentation: Azure OpenAI", () => {
  it("documented: Azure v1 API with an API key, ChatOpenAI with base_url .../openai/v1/ answers 'Hello, how are you?'", async () => {
    const origin = new URL(setup.emulator().url).origin;
    const client = setup.client({
      baseURL: `${origin}/openai/v1`,
      model: "gpt-5-mini",
      headers: { "api-key": "your-azure-api-key" },
    });
    const response = await client.invoke("Hello, how are you?");
    expect(setup.sent.at(-1)!.path.startsWith("/openai/v1/")).toBe(true);
    expect(messageText(response)).toContain("Hello, how are you?");
  });

  it("documented: Azure v1 API with Microsoft Entra ID, the proxy's token provider reaches the v1 endpoint and the translation comes back", async () => {
    const origin = new URL(setup.emulator().url).origin;
    let tokens = 0;
    const client = clientThroughAzureProxy(
      {
        endpoint: `${origin}/openai/v1/`,
        azureADTokenProvider: async () => {
          tokens++;
          return "entra-token";
        },
      },
      { model: "gpt-5-mini" },
    );
    const response = await client.invoke([
      ["system", "You are a helpful assistant."],
      ["human", "Translate 'I love programming' to French."],
    ]);
    expect(tokens).toBeGreaterThan(0);
    expect(messageText(response)).toContain("Translate 'I love programming' to French.");
  });

  it("documented: AzureChatOpenAI invocation, azure_deployment with api_version translates through the deployment's path", async () => {
    const origin = new URL(setup.emulator().url).origin;
    const client = clientThroughAzureProxy(
      {
        endpoint: `${origin}/`,
        apiVersion: "2023-06-01-preview",
        apiKey: "azure-key-0123456789abcdef0123",
        deployments: { "gpt-35-turbo": "gpt-4o-mini" },
      },
      { model: "gpt-35-turbo", api: "chat", temperature: 0 },
    );
    const aiMsg = await client.invoke(translate);
    expect(messageText(aiMsg)).toContain("I love programming.");
    // The deployment's model answered (the proxy sent the deployment name as the model).
    expect(aiMsg.metadata.model).toMatch(/^gpt-4o-mini/);
    expect(aiMsg.metadata.usage?.totalTokens).toBeGreaterThan(0);
  });

  it("documented: AzureChatOpenAI with the Responses API on a resource endpoint answers through /openai/responses?api-version", async () => {
    const origin = new URL(setup.emulator().url).origin;
    const client = clientThroughAzureProxy(
      {
        endpoint: `${origin}/`,
        apiVersion: "2025-04-01-preview",
        apiKey: "azure-key-0123456789abcdef0123",
        deployment: "gpt-4o-mini",
      },
      { model: "gpt-35-turbo", api: "responses" },
    );
    const response = await client.invoke(translate);
    expect(messageText(response)).toContain("I love programming.");
    expect(response.metadata.responseId).toMatch(/.+/);
  });

  it("documented: AzureChatOpenAI specifying model version, model_version '0301' is carried on every answer", async () => {
    const origin = new URL(setup.emulator().url).origin;
    const client = clientThroughAzureProxy(
      {
        endpoint: `${origin}/`,
        apiVersion: "2023-06-01-preview",
        apiKey: "azure-key-0123456789abcdef0123",
        deployments: { "gpt-35-turbo": "gpt-4o-mini" },
      },
      { model: "gpt-35-turbo", api: "chat", modelVersion: "0301" },
    );
    const aiMsg = await client.invoke(translate);
    expect(aiMsg.metadata.modelVersion).toBe("0301");
  });
});
