import OpenAI, { toFile } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { readAll, weatherTool } from "./support.js";

let emulator: RunningEmulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new OpenAI({ baseURL: emulator.url, apiKey: "x", maxRetries: 0 });
});
afterAll(() => emulator.close());

describe("the emulator over HTTP, used through the openai client", () => {
  it("listens on loopback on a port chosen at run time", () => {
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}/v1`);
    expect(emulator.port).toBeGreaterThan(0);
  });

  it("creates a response", async () => {
    const response = await client.responses.create({ model: "gpt-4o-mini", input: "Hello there" });
    expect(response.output_text).toContain("Hello there");
  });

  it("streams a response with the client's own stream helper", async () => {
    const stream = client.responses.stream({
      model: "gpt-4o-mini",
      input: "search the news",
      tools: [{ type: "web_search" }],
    });
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas.join("")).toBe(final.output_text);
    expect(final.output[0]!.type).toBe("web_search_call");
  });

  it("serves the file a code interpreter answer cites, as containers.files.content.retrieve reads it", async () => {
    const response = await client.responses.create({
      model: "gpt-4o-mini",
      input: "Plot it with python",
      tools: [{ type: "code_interpreter", container: { type: "auto" } }],
    });
    const message = response.output.find((item) => item.type === "message");
    if (message?.type !== "message" || message.content[0]?.type !== "output_text") {
      throw new Error("no text message");
    }
    const citation = message.content[0].annotations[0];
    if (citation?.type !== "container_file_citation") throw new Error("no container citation");
    const file = await client.containers.files.retrieve(citation.file_id, {
      container_id: citation.container_id,
    });
    expect(file).toMatchObject({ object: "container.file", path: "/mnt/data/plot.png" });
    const content = await client.containers.files.content.retrieve(citation.file_id, {
      container_id: citation.container_id,
    });
    expect(content.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(bytes.byteLength).toBe(file.bytes);
    // Another container's id does not reach the file.
    await expect(
      client.containers.files.content.retrieve(citation.file_id, { container_id: "cntr_other" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("streams a chat completion with tool calls", async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "what's the weather?" }],
      tools: [
        {
          type: "function",
          function: { name: weatherTool.name, parameters: weatherTool.parameters },
        },
      ],
      stream: true,
    });
    let args = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      args += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(JSON.parse(args)).toHaveProperty("location");
    expect(finish).toBe("tool_calls");
  });

  it("lists models and uploads files", async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain("gpt-4o-mini");
    const file = await client.files.create({
      file: await toFile(new TextEncoder().encode("hello file"), "notes.txt"),
      purpose: "user_data",
    });
    expect(file).toMatchObject({
      object: "file",
      filename: "notes.txt",
      bytes: 10,
      purpose: "user_data",
    });
    expect(file.id).toMatch(/^file-emu-/);
  });

  it("accepts any prefix before /v1", async () => {
    const response = await fetch(`http://127.0.0.1:${emulator.port}/api/openai/v1/models`);
    expect(response.status).toBe(200);
  });

  it("answers unknown routes with 404 in OpenAI's error shape", async () => {
    const response = await fetch(`${emulator.url}/nothing/here`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
    expect(body.error.message).toContain("/v1/nothing/here");
    await expect(client.responses.retrieve("resp_missing")).rejects.toMatchObject({ status: 404 });
  });

  it("rejects unknown scenarios and faults with a message that lists the known ones", async () => {
    const scenario = await fetch(`${emulator.url}/responses`, {
      method: "POST",
      headers: { "x-colloquy-scenario": "nope" },
      body: JSON.stringify({ model: "gpt-4o-mini", input: "hi" }),
    });
    expect(scenario.status).toBe(400);
    expect(((await scenario.json()) as { error: { message: string } }).error.message).toContain(
      "web-search",
    );
    const fault = await fetch(`${emulator.url}/responses`, {
      method: "POST",
      headers: { "x-colloquy-fault": "explode" },
      body: JSON.stringify({ model: "gpt-4o-mini", input: "hi" }),
    });
    expect(fault.status).toBe(400);
    expect(((await fault.json()) as { error: { message: string } }).error.message).toContain(
      "disconnect-after=N",
    );
  });

  it("close() ends open streams and sockets", async () => {
    const other = await startEmulator();
    const response = await fetch(`${other.url}/responses`, {
      method: "POST",
      headers: { "x-colloquy-fault": "stall-after=1" },
      body: JSON.stringify({ model: "gpt-4o-mini", input: "hi", stream: true }),
    });
    const reading = readAll(response.body!);
    await other.close();
    const { text, error } = await reading;
    expect(text).toContain("response.created");
    expect(error).toBeDefined();
  });
});
