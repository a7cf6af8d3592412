import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/index.js";
import { emulator as directEmulator, events, post, type Json } from "./support.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  // A small pause between events keeps the run going while the test drops and resumes.
  emulator = await startEmulator({ delayMs: 3 });
});
afterAll(() => emulator.close());

async function readEvents(body: ReadableStream<Uint8Array>, limit = Infinity): Promise<Json[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const out: Json[] = [];
  let buffer = "";
  while (out.length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0 && out.length < limit) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      if (data) out.push(JSON.parse(data.slice(6)) as Json);
    }
  }
  await reader.cancel();
  return out;
}

function create(body: Json) {
  return fetch(`${emulator.url}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", background: true, ...body }),
  });
}

describe("background responses", () => {
  it("go queued -> in_progress -> completed, and resume gives every sequence number exactly once", async () => {
    const response = await create({ input: "Tell me a bedtime story", stream: true });
    const first = await readEvents(response.body!, 8);
    expect(first.map((event) => event.type).slice(0, 3)).toEqual([
      "response.created",
      "response.queued",
      "response.in_progress",
    ]);
    expect(first[0]!.response.status).toBe("queued");
    const id = first[0]!.response.id as string;
    const last = first.at(-1)!.sequence_number as number;

    const resumed = await fetch(
      `${emulator.url}/responses/${id}?stream=true&starting_after=${last}`,
    );
    const rest = await readEvents(resumed.body!);
    const numbers = [...first, ...rest].map((event) => event.sequence_number as number);
    expect(numbers).toEqual(numbers.map((_, index) => index));
    expect(rest.at(-1)!.type).toBe("response.completed");

    const current = (await (await fetch(`${emulator.url}/responses/${id}`)).json()) as Json;
    expect(current.status).toBe("completed");
    expect(current.output[0].content[0].text).toContain("bedtime story");
  });

  it("keep running after the POST stream is dropped", async () => {
    const response = await create({ input: "keep going", stream: true });
    const [created] = await readEvents(response.body!, 1);
    const id = created!.response.id as string;
    const replay = await readEvents(
      (await fetch(`${emulator.url}/responses/${id}?stream=true`)).body!,
    );
    expect(replay[0]!.type).toBe("response.created");
    expect(replay.at(-1)!.type).toBe("response.completed");
  });

  it("return a queued response object without streaming, and can be cancelled", async () => {
    const slow = await startEmulator({ delayMs: 50 });
    try {
      const created = (await (
        await fetch(`${slow.url}/responses`, {
          method: "POST",
          body: JSON.stringify({ model: "gpt-4o-mini", input: "long task", background: true }),
        })
      ).json()) as Json;
      expect(created.status).toBe("queued");
      const cancelled = (await (
        await fetch(`${slow.url}/responses/${created.id}/cancel`, { method: "POST" })
      ).json()) as Json;
      expect(cancelled.status).toBe("cancelled");
      const after = (await (await fetch(`${slow.url}/responses/${created.id}`)).json()) as Json;
      expect(after.status).toBe("cancelled");
      const stream = await readEvents(
        (await fetch(`${slow.url}/responses/${created.id}?stream=true`)).body!,
      );
      expect(stream.some((event) => event.type === "response.completed")).toBe(false);
    } finally {
      await slow.close();
    }
  });

  it("refuse to cancel a response that is not in the background", async () => {
    const handler = directEmulator();
    const created = (await (
      await post(handler, "/v1/responses", { model: "gpt-4o-mini", input: "hi" })
    ).json()) as Json;
    const cancel = await handler(
      new Request(`http://e/v1/responses/${created.id}/cancel`, { method: "POST" }),
    );
    expect(cancel.status).toBe(400);
    const stored = await handler(new Request(`http://e/v1/responses/${created.id}`));
    expect(((await stored.json()) as Json).status).toBe("completed");
  });

  it("are forgotten past the store's limit", async () => {
    const handler = directEmulator({ maxStoredResponses: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = (await (
        await post(handler, "/v1/responses", { model: "gpt-4o-mini", input: `hi ${i}` })
      ).json()) as Json;
      ids.push(created.id as string);
    }
    expect((await handler(new Request(`http://e/v1/responses/${ids[0]}`))).status).toBe(404);
    expect((await handler(new Request(`http://e/v1/responses/${ids[2]}`))).status).toBe(200);
  });

  it("replays a finished response's events from starting_after", async () => {
    const handler = directEmulator();
    const all = await events(
      await post(handler, "/v1/responses", { model: "gpt-4o-mini", input: "hi", stream: true }),
    );
    const id = all[0]!.response.id as string;
    const tail = await events(
      await handler(new Request(`http://e/v1/responses/${id}?stream=true&starting_after=5`)),
    );
    expect(tail.map((event) => event.sequence_number)).toEqual(
      all.slice(6).map((event) => event.sequence_number),
    );
  });
});
