import { describe, expect, it } from "vitest";
import { createSseWatcher } from "../../src/server/proxy/sse-watcher.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("createSseWatcher", () => {
  it("notes the response id of the first event that names one, and holds that chunk for it", async () => {
    const noted: string[] = [];
    const watcher = createSseWatcher({ onId: async (id) => void noted.push(id) });
    expect(watcher.see(bytes('event: ping\ndata: {"type":"ping"}\n\n'))).toBeUndefined();
    const created = 'data: {"type":"response.created","response":{"id":"resp_1","status":"x"}}\n\n';
    const waiting = watcher.see(bytes(created));
    expect(waiting).toBeInstanceOf(Promise);
    await waiting;
    expect(watcher.see(bytes('data: {"response":{"id":"resp_2"}}\n\n'))).toBeUndefined();
    expect(noted).toEqual(["resp_1"]);
  });

  it("finds the id in events of another shape and across chunk boundaries", async () => {
    const noted: string[] = [];
    const watcher = createSseWatcher({ onId: async (id) => void noted.push(id) });
    // Keys in another order, with spaces: parsed rather than matched.
    expect(watcher.see(bytes('data: { "response": { "status": "x", "id": "resp_'))).toBe(undefined);
    await watcher.see(bytes('spaced" } }\n\n'));
    expect(noted).toEqual(["resp_spaced"]);
  });

  it("notes each container a stream names once, across chunk boundaries, and not one quoted in the model's text", async () => {
    const noted: string[] = [];
    const watcher = createSseWatcher({ onContainer: async (id) => void noted.push(id) });
    const text = 'data: {"delta":"see \\"container_id\\":\\"cntr_quoted\\""}\n\n';
    expect(watcher.see(bytes(text))).toBeUndefined();
    expect(
      watcher.see(bytes('data: {"item":{"type":"code_interpreter_call","container_id":"cntr_')),
    ).toBeUndefined();
    const waiting = watcher.see(bytes('split"}}\n\n'));
    expect(waiting).toBeInstanceOf(Promise);
    await waiting;
    expect(watcher.see(bytes('data: {"item":{"container_id":"cntr_split"}}\n\n'))).toBeUndefined();
    expect(noted).toEqual(["cntr_split"]);
  });

  it("reports the last usage and the id when the stream ends", () => {
    const reports: unknown[] = [];
    const watcher = createSseWatcher({ onUsage: (usage, id) => reports.push({ usage, id }) });
    watcher.see(
      bytes(
        'data: {"type":"response.completed","response":{"id":"resp_u","usage":{"input_tokens":3,"output_tokens":4,"total_tokens":7}}}\n\n',
      ),
    );
    watcher.end();
    expect(reports).toEqual([
      { usage: expect.objectContaining({ inputTokens: 3, outputTokens: 4 }), id: undefined },
    ]);
  });

  it("offers the lost event only when the failure falls between two events", () => {
    const watcher = createSseWatcher({ lostEvent: () => "event: error\ndata: {}\n\n" });
    expect(new TextDecoder().decode(watcher.lostEvent())).toBe("event: error\ndata: {}\n\n");
    watcher.see(bytes('data: {"a":1}\n\ndata: {"b"'));
    expect(watcher.lostEvent()).toBeUndefined();
    watcher.see(bytes(":2}\r\n\r\n"));
    expect(watcher.lostEvent()).toBeDefined();
    expect(createSseWatcher({}).lostEvent()).toBeUndefined();
  });

  it("numbers the lost event one past the highest sequence_number seen, even one split across chunks", () => {
    const watcher = createSseWatcher({ lostEvent: (n) => `${n}`, sequenced: true });
    const text = (value: Uint8Array | undefined) => new TextDecoder().decode(value);
    expect(text(watcher.lostEvent())).toBe("0");
    watcher.see(bytes('data: {"type":"a","sequence_number":9}\n\ndata: {"sequence_number":1'));
    watcher.see(bytes('2,"delta":"\\"sequence_number\\":99"}\n\n'));
    expect(text(watcher.lostEvent())).toBe("13");
  });
});
