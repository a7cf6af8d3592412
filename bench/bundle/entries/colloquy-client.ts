// The client alone, as an app that reads no raw streams itself imports it.
import { createChatClient } from "colloquy";

const client = createChatClient({ baseURL: "/api/openai/v1" });
Object.assign(globalThis, { colloquy: { client } });
