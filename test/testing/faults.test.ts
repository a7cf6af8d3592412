import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { finalResponseOf, readAll, ssePayloads } from "./support.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

function create(input: string, fault?: string, signal?: AbortSignal) {
  return fetch(`${emulator.url}/responses`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(fault ? { "x-colloquy-fault": fault } : {}),
    },
    body: JSON.stringify({ model: "gpt-4o-mini", input, stream: true }),
    ...(signal ? { signal } : {}),
  });
}

/** Reads one SSE event at a time from a body. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    reader,
    async next(): Promise<string | undefined> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          return event;
        }
        const { done, value } = await reader.read();
        if (done) return undefined;
        buffer += decoder.decode(value, { stream: true });
      }
    },
  };
}

describe("fault injection", () => {
  it("429 answers with retry-after: 1 in OpenAI's error shape", async () => {
    const response = await create("hi", "429");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await response.json()) as { error: { code: string; type: string } };
    expect(body.error.code).toBe("rate_limit_exceeded");
  });

  it("500 and 503 answer with server errors", async () => {
    expect((await create("hi", "500")).status).toBe(500);
    expect((await create("hi", "503")).status).toBe(503);
  });

  it("disconnect-after=N sends N events then drops the connection", async () => {
    const response = await create("hello", "disconnect-after=3");
    expect(response.status).toBe(200);
    const { text, error } = await readAll(response.body!);
    expect(error).toBeDefined();
    expect(ssePayloads(text)).toHaveLength(3);
  });

  it("disconnect leaves the openai stream parser with an error", async () => {
    await expect(finalResponseOf(await create("hello", "disconnect-after=5"))).rejects.toThrow();
  });

  it("cut-after=N ends cleanly after N events without a terminal event", async () => {
    const response = await create("hello", "cut-after=4");
    const { text, error } = await readAll(response.body!);
    expect(error).toBeUndefined();
    const payloads = ssePayloads(text) as { type: string }[];
    expect(payloads).toHaveLength(4);
    expect(payloads.some((event) => event.type === "response.completed")).toBe(false);
  });

  it("stall-after=N sends N events, then nothing until the client leaves", async () => {
    const abort = new AbortController();
    const response = await create("hello", "stall-after=2", abort.signal);
    const events = eventReader(response.body!);
    expect(await events.next()).toContain("response.created");
    expect(await events.next()).toContain("response.in_progress");
    // A fast, complete stream arrives in full while the stalled one still has nothing more.
    const third = events.next().then(() => "stalled stream moved");
    const other = create("another")
      .then((r) => r.text())
      .then(() => "other stream finished");
    expect(await Promise.race([third, other])).toBe("other stream finished");
    abort.abort();
    await third.catch(() => undefined);
  });

  it("slow=MS spaces events so a slow stream finishes after a fast one started later", async () => {
    const order: string[] = [];
    const slow = create("please refuse", "slow=30")
      .then((r) => r.text())
      .then(() => order.push("slow"));
    const fast = create("please refuse")
      .then((r) => r.text())
      .then(() => order.push("fast"));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["fast", "slow"]);
  });

  it("malformed sends one event with invalid JSON in the middle", async () => {
    const text = await (await create("hello", "malformed")).text();
    const payloads = ssePayloads(text);
    const broken = payloads.filter((payload) => typeof payload === "string");
    expect(broken).toHaveLength(1);
    const index = payloads.findIndex((payload) => typeof payload === "string");
    expect(index).toBeGreaterThan(0);
    expect(index).toBeLessThan(payloads.length - 1);
    await expect(finalResponseOf(await create("hello", "malformed"))).rejects.toThrow(/JSON/);
  });

  it("combines faults with commas", async () => {
    const response = await create("hello", "slow=1,cut-after=2");
    expect(ssePayloads(await response.text())).toHaveLength(2);
  });

  it("a [fault:...] directive fails only the first request with that input, so a retry recovers", async () => {
    const client = new OpenAI({ baseURL: emulator.url, apiKey: "x", maxRetries: 0 });
    const input = "directive test [fault:500]";
    await expect(client.responses.create({ model: "gpt-4o-mini", input })).rejects.toMatchObject({
      status: 500,
    });
    const retry = await client.responses.create({ model: "gpt-4o-mini", input });
    expect(retry.status).toBe("completed");
    expect(retry.output_text).toContain("directive test");
    expect(retry.output_text).not.toContain("[fault:");
  });

  it("the openai client retries a once-only 429 and succeeds", async () => {
    const client = new OpenAI({ baseURL: emulator.url, apiKey: "x", maxRetries: 1 });
    const response = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "retry me [fault:429]" }],
    });
    expect(response.choices[0]!.message.content).toContain("retry me");
  });

  it("a directive mid-stream fault breaks the first stream only", async () => {
    const body = JSON.stringify({
      model: "gpt-4o-mini",
      input: "stream test [fault:disconnect-after=2]",
      stream: true,
    });
    const send = () => fetch(`${emulator.url}/responses`, { method: "POST", body });
    const first = await readAll((await send()).body!);
    expect(first.error).toBeDefined();
    const second = await readAll((await send()).body!);
    expect(second.error).toBeUndefined();
    expect(second.text).toContain("response.completed");
  });
});
