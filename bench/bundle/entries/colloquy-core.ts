// The framework-free client: a client and the stream reader, nothing else.
import { createChatClient, readMessageStream } from "../../../src/core/index.js";

const client = createChatClient({ baseURL: "/api/openai/v1" });
Object.assign(globalThis, { colloquy: { client, readMessageStream } });
