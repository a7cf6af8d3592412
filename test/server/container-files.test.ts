import OpenAI, { NotFoundError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAIProxy, toNodeHandler } from "../../src/server/index.js";
import { startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { serve } from "./support/serve.js";

/**
 * The files a code interpreter writes, read through the proxy with the openai SDK's
 * `containers.files` calls: the caller whose response ran code in the container gets the
 * bytes (as an attachment), anyone else a 404, as for a response they did not create.
 */

let emulator: RunningEmulator;
let proxy: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  emulator = await startEmulator();
  const handler = createOpenAIProxy({
    apiKey: "sk-container-files-0123456789",
    baseURL: emulator.url,
    models: ["gpt-5-mini"],
    tools: { allow: ["code_interpreter"] },
    rateLimit: false,
    logger: false,
    // The SDK's API key is the caller's name here, so two clients are two owners.
    authorize: (request) => {
      const user = /^Bearer (\w+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
      return user ? { userId: user } : null;
    },
  });
  proxy = await serve(toNodeHandler(handler));
});

afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

const client = (user: string) =>
  new OpenAI({ apiKey: user, baseURL: `${proxy.url}/api/openai/v1`, maxRetries: 0 });

const request = {
  model: "gpt-5-mini",
  input: "Plot a sine with python",
  tools: [{ type: "code_interpreter" as const, container: { type: "auto" as const } }],
};

/** The container file citation of a code interpreter answer. */
function citationOf(response: OpenAI.Responses.Response) {
  const message = response.output.find((item) => item.type === "message");
  const part = message?.type === "message" ? message.content[0] : undefined;
  const citation = part?.type === "output_text" ? part.annotations[0] : undefined;
  if (citation?.type !== "container_file_citation") throw new Error("no container citation");
  return citation;
}

async function streamedCitation(user: string) {
  const stream = client(user).responses.stream(request);
  return citationOf(await stream.finalResponse());
}

describe("container files through the proxy", () => {
  it("containers.files.content.retrieve gives the creator the cited file's bytes, as an attachment", async () => {
    const citation = await streamedCitation("alice");
    const content = await client("alice").containers.files.content.retrieve(citation.file_id, {
      container_id: citation.container_id,
    });
    expect(content.status).toBe(200);
    expect(content.headers.get("content-type")).toBe("image/png");
    expect(content.headers.get("content-disposition")).toBe(
      `attachment; filename="${citation.file_id}"`,
    );
    expect(content.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const file = await client("alice").containers.files.retrieve(citation.file_id, {
      container_id: citation.container_id,
    });
    expect(file).toMatchObject({ path: "/mnt/data/plot.png", bytes: bytes.byteLength });
  });

  it("another caller asking for the same container file gets 404, content and metadata alike", async () => {
    const citation = await streamedCitation("alice");
    const where = { container_id: citation.container_id };
    await expect(
      client("bob").containers.files.content.retrieve(citation.file_id, where),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      client("bob").containers.files.retrieve(citation.file_id, where),
    ).rejects.toMatchObject({
      status: 404,
      code: "container_not_found",
    });
  });

  it("a container noted from a non-streamed answer is its creator's too, and a guessed one is nobody's", async () => {
    const citation = citationOf(await client("carol").responses.create(request));
    const content = await client("carol").containers.files.content.retrieve(citation.file_id, {
      container_id: citation.container_id,
    });
    expect(content.status).toBe(200);
    await expect(
      client("carol").containers.files.content.retrieve(citation.file_id, {
        container_id: "cntr_emu_9999",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the creator may name its own container in a later request; another caller may not", async () => {
    const citation = await streamedCitation("alice");
    const again = {
      ...request,
      tools: [{ type: "code_interpreter" as const, container: citation.container_id }],
    };
    await expect(client("alice").responses.create(again)).resolves.toMatchObject({
      status: "completed",
    });
    await expect(client("bob").responses.create(again)).rejects.toMatchObject({
      status: 404,
      code: "container_not_found",
    });
  });
});
