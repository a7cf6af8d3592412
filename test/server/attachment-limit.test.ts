import { afterEach, describe, expect, it } from "vitest";
import { ChatStore, createChatClient, type APIError } from "../../src/core/index.js";
import { parseCliArguments } from "../../src/server/cli/cli-arguments.js";
import { serve, type RunningServe } from "../../src/server/cli/serve-command.js";

/**
 * The chat's attachment limit and the proxy's body limit agree: a photo the chat accepts
 * reaches the model through `colloquy serve` with its defaults, and one past the limit is
 * refused before anything is sent, with the limit named.
 */

const MB = 1024 * 1024;
const running: RunningServe[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function start(extra: string[] = []): Promise<string> {
  const command = parseCliArguments(["serve", "--port", "0", "--emulator", ...extra]);
  if (command.command !== "serve") throw new Error("expected serve");
  const server = await serve(command.args, { env: {}, log: () => undefined, error: () => {} });
  running.push(server);
  return server.url;
}

/** A JPEG-looking photo of `bytes` bytes (random after the signature, so it does not compress). */
function photo(bytes: number): File {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 2654435761) >>> 24;
  data.set([0xff, 0xd8, 0xff, 0xe0]);
  return new File([data], "photo.jpg", { type: "image/jpeg" });
}

function store(baseURL: string, api: "responses" | "chat") {
  return new ChatStore({
    client: createChatClient({
      baseURL,
      api,
      model: api === "chat" ? "gpt-4o-mini" : "gpt-5-mini",
      maxRetries: 0,
    }),
    storage: null,
    notify: "sync",
  });
}

describe("a 5 MB photo sent from the chat", () => {
  it.each(["responses", "chat"] as const)(
    "reaches the model through colloquy serve's default body limit (%s)",
    async (api) => {
      const chat = store(await start(), api);
      const result = await chat.send({ text: "What is in this photo?", files: [photo(5 * MB)] });
      expect(result.sent).toBe(true);
      const state = chat.getSnapshot();
      expect(state.error).toBeUndefined();
      expect(state.messages.at(-1)?.status).toBe("complete");
    },
    30_000,
  );

  it("one byte past the limit is refused before sending, naming the limit", async () => {
    const chat = store(await start(), "responses");
    const result = await chat.send({ text: "And this one?", files: [photo(5 * MB + 1)] });
    if (result.sent) throw new Error("expected the photo to be refused");
    expect(result.reason).toBe("rejected-attachments");
    const [error] = result.rejectedAttachments;
    expect(error!.message).toMatch(/too large: the limit is 5\.0 MB/);
    expect(chat.getSnapshot().messages).toHaveLength(0);
  });

  it("a lower --body-limit answers 413 naming the limit", async () => {
    const chat = store(await start(["--body-limit", String(1 * MB)]), "responses");
    await chat.send({ text: "What is in this photo?", files: [photo(2 * MB)] });
    const { error } = chat.getSnapshot();
    expect((error as APIError).status).toBe(413);
    expect(error!.message).toMatch(/1048576|1 MB/);
  });
});
