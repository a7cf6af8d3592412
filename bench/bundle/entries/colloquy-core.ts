// The framework-free client: a client and the stream reader, nothing else.
import { createChatClient, readMessageStream } from "colloquy";

const client = createChatClient({ baseURL: "/api/openai/v1" });
Object.assign(globalThis, { colloquy: { client, readMessageStream } });
