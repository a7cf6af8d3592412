import { createChatClientWith } from "./client.js";
import { defaultCodec } from "./default-codec.js";
import type { ChatClient, ChatClientOptions } from "./types.js";

/**
 * Creates a client for an OpenAI-compatible API (OpenAI itself, the colloquy proxy, Azure,
 * vLLM, Ollama...). Requests stream by default; `api: "auto"` uses the Responses API only
 * when a feature needs it (built-in tools, reasoning summaries, previous response ids,
 * background mode) and Chat Completions otherwise.
 *
 * @example
 * const client = createChatClient({ baseURL: "/api/openai/v1", model: "gpt-4.1-mini" });
 * const reply = await client.invoke("Say hi");
 */
export function createChatClient(options: ChatClientOptions = {}): ChatClient {
  return createChatClientWith(options, defaultCodec);
}
