import { afterAll, beforeAll } from "vitest";
import { createChatClient } from "../../../src/core/client/create-chat-client.js";
import type { ChatClient, ChatClientOptions } from "../../../src/core/client/types.js";
import { startEmulator, type RunningEmulator } from "../../../src/testing/index.js";

/** One request the client sent to the emulator: its path and JSON body. */
export interface SentRequest {
  /** The URL path, e.g. `/v1/responses`. */
  path: string;
  /** The JSON body as sent. */
  body: Record<string, unknown>;
}

/** A client talking to the emulator over HTTP, and every request it sent. */
export interface DocumentedSetup {
  /** The running emulator (started before the file's tests, closed after them). */
  emulator: () => RunningEmulator;
  /** A colloquy client for the emulator, recording what it sends into `sent`. */
  client: (options?: Partial<ChatClientOptions>) => ChatClient;
  /** The requests sent so far, oldest first. */
  sent: SentRequest[];
}

/**
 * Starts the emulator for one test file and makes colloquy clients for it, so each
 * documented flow runs through the real core over real HTTP.
 */
export function documentedSetup(): DocumentedSetup {
  let running: RunningEmulator | undefined;
  const sent: SentRequest[] = [];
  beforeAll(async () => {
    running = await startEmulator();
  });
  afterAll(() => running?.close());
  const emulator = () => {
    if (!running) throw new Error("The emulator is not running: use it inside a test.");
    return running;
  };
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (typeof init?.body === "string") {
      sent.push({ path: url.pathname, body: JSON.parse(init.body) as Record<string, unknown> });
    }
    return fetch(input, init);
  };
  const client = (options: Partial<ChatClientOptions> = {}) =>
    createChatClient({
      baseURL: emulator().url,
      model: "gpt-4.1-mini",
      maxRetries: 0,
      fetch: recordingFetch,
      ...options,
    });
  return { emulator, client, sent };
}

/** Waits until `test` holds (polling every 5 ms, up to 4 s). */
export async function waitFor(test: () => boolean, what = "condition"): Promise<void> {
  for (let i = 0; i < 800; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}
