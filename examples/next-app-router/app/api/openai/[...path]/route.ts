// The key-holding proxy at /api/openai/**. The browser talks to it as if it were OpenAI; the key
// (OPENAI_API_KEY) stays on the server. With no key set, colloquy's built-in emulator answers,
// so the example runs offline and costs nothing.
import { createOpenAIProxy, toRouteHandlers } from "colloquy/server";
import { createEmulatorHandler } from "colloquy/testing";

const useEmulator = !process.env.OPENAI_API_KEY && !process.env.OPENAI_BASE_URL;

export const { GET, POST, DELETE, OPTIONS } = toRouteHandlers(
  createOpenAIProxy(
    useEmulator
      ? { upstream: createEmulatorHandler({ pace: "realistic" }), models: "all" }
      : { models: ["gpt-4.1-mini", "gpt-4.1-nano"] },
  ),
);
