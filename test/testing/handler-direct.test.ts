import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseScenario, parseFaults, SCENARIOS } from "../../src/testing/index.js";
import { readChatRequest, readResponsesRequest } from "../../src/testing/emulator-request.js";
import { emulator, events, post, readAll, ssePayloads, weatherTool } from "./support.js";

describe("the fetch handler called directly (no server)", () => {
  it("errors the body stream on disconnect-after, so an adapter can drop the socket", async () => {
    const response = await post(
      emulator(),
      "/v1/responses",
      { model: "gpt-4o-mini", input: "hi", stream: true },
      { "x-colloquy-fault": "disconnect-after=2" },
    );
    const { text, error } = await readAll(response.body!);
    expect(String(error)).toContain("disconnect");
    expect(ssePayloads(text)).toHaveLength(2);
  });

  it("applies stream faults to JSON bodies: a cut leaves truncated JSON", async () => {
    const response = await post(
      emulator(),
      "/v1/responses",
      { model: "gpt-4o-mini", input: "hi" },
      { "x-colloquy-fault": "cut-after=1" },
    );
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("applies HTTP faults to chat too", async () => {
    const response = await post(
      emulator(),
      "/v1/chat/completions",
      { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] },
      { "x-colloquy-fault": "503" },
    );
    expect(response.status).toBe(503);
  });

  it("splits every event in two when chunkDelayMs is set, without changing the bytes", async () => {
    const body = { model: "gpt-4o-mini", input: "hi", stream: true };
    const whole = await (await post(emulator(), "/v1/responses", body)).text();
    const response = await post(emulator({ chunkDelayMs: 1 }), "/v1/responses", body);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let reads = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads++;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toBe(whole);
    expect(reads).toBe(2 * ssePayloads(whole).length);
  });

  it("paces a realistic stream so a realistic response finishes after an instant one", async () => {
    const order: string[] = [];
    const body = { model: "gpt-4o-mini", input: "refuse", stream: true };
    await Promise.all([
      post(emulator({ pace: "realistic" }), "/v1/responses", body)
        .then((r) => r.text())
        .then(() => order.push("realistic")),
      post(emulator(), "/v1/responses", body)
        .then((r) => r.text())
        .then(() => order.push("instant")),
    ]);
    expect(order).toEqual(["instant", "realistic"]);
  });

  it("takes created_at from the injected clock", async () => {
    const handler = emulator({ now: () => 42_000 });
    const created = (await (
      await post(handler, "/v1/responses", { model: "gpt-4o-mini", input: "hi" })
    ).json()) as {
      created_at: number;
    };
    expect(created.created_at).toBe(42);
  });

  it("answers OPTIONS preflights and bad JSON", async () => {
    const handler = emulator();
    const preflight = await handler(new Request("http://e/v1/responses", { method: "OPTIONS" }));
    expect(preflight.status).toBe(204);
    const bad = await handler(new Request("http://e/v1/responses", { method: "POST", body: "{" }));
    expect(bad.status).toBe(400);
  });

  it("rejects an upload without a file", async () => {
    const form = new FormData();
    form.set("purpose", "assistants");
    const response = await emulator()(
      new Request("http://e/v1/files", { method: "POST", body: form }),
    );
    expect(response.status).toBe(400);
  });

  it("streams the same events as a string input and a message list", async () => {
    const a = await events(
      await post(emulator(), "/v1/responses", { model: "gpt-4o-mini", input: "hi", stream: true }),
    );
    const b = await events(
      await post(emulator(), "/v1/responses", {
        model: "gpt-4o-mini",
        input: [{ type: "message", role: "user", content: [{ type: "input_text", text: "hi" }] }],
        stream: true,
      }),
    );
    expect(a.at(-1)!.response.output).toEqual(b.at(-1)!.response.output);
  });
});

describe("scenario choice", () => {
  const responses = (input: unknown, extra: Record<string, unknown> = {}) =>
    chooseScenario(readResponsesRequest({ input, ...extra }));

  it("picks scenarios by keyword among the tools declared", () => {
    const tools = (...types: string[]) => ({ tools: types.map((type) => ({ type })) });
    expect(responses("what's the latest news?", tools("web_search"))).toBe("web-search");
    expect(responses("draw me a cat", tools("image_generation"))).toBe("image-generation");
    expect(responses("summarise this document", tools("file_search"))).toBe("file-search");
    expect(responses("plot a sine wave", tools("code_interpreter"))).toBe("code-interpreter");
    expect(responses("click the OK button", tools("computer_use_preview"))).toBe("computer-use");
    expect(responses("use the mcp server", tools("mcp"))).toBe("mcp");
    expect(responses("please refuse")).toBe("refusal");
    expect(responses("why is it so?")).toBe("reasoning");
    expect(responses("hello")).toBe("default");
  });

  it("never picks a tool scenario for a tool the request does not declare", () => {
    expect(responses("Please click the button on screen")).toBe("default");
    expect(responses("what's the latest news?")).toBe("default");
    expect(responses("search the document", { tools: [{ type: "file_search" }] })).toBe(
      "file-search",
    );
  });

  it("only calls functions when function tools are offered", () => {
    expect(responses("weather?")).toBe("default");
    expect(responses("weather?", { tools: [weatherTool] })).toBe("function-calls");
    expect(responses("weather in parallel", { tools: [weatherTool] })).toBe(
      "parallel-function-calls",
    );
  });

  it("lets the header and directives win, and continues tool loops", () => {
    expect(chooseScenario(readResponsesRequest({ input: "search" }), "refusal")).toBe("refusal");
    expect(responses("search [scenario:mcp]")).toBe("mcp");
    expect(
      chooseScenario(
        readChatRequest({
          messages: [
            { role: "user", content: "weather" },
            { role: "tool", tool_call_id: "c", content: "sunny" },
          ],
        }),
      ),
    ).toBe("tool-results");
  });

  it("exports every scenario with its keywords", () => {
    const names = SCENARIOS.map((scenario) => scenario.name);
    expect(names).toContain("web-search");
    expect(SCENARIOS.find((scenario) => scenario.name === "web-search")!.keywords).toEqual([
      "search",
      "news",
      "latest",
    ]);
  });

  it("parses fault specs and says what is wrong with a bad one", () => {
    expect(parseFaults("429, slow=5,malformed")).toEqual({
      status: 429,
      slowMs: 5,
      malformed: true,
    });
    expect(() => parseFaults("cut-after=x")).toThrow(/whole number/);
  });
});

describe("browser safety", () => {
  it("reaches no node:* module, and openai / zod only as types, from the handler", () => {
    const root = resolve(import.meta.dirname, "../../src/testing");
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(
        /^(import|export)(\s+type)?[^"']*from\s+["']([^"']+)["']/gm,
      )) {
        const typeOnly = Boolean(match[2]);
        const specifier = match[3]!;
        if (specifier.startsWith(".")) {
          visit(join(dirname(file), specifier.replace(/\.js$/, ".ts")));
          continue;
        }
        if (!typeOnly)
          expect(specifier, `${file} imports ${specifier}`).not.toMatch(/^(node:|openai|zod)/);
      }
      expect(source, file).not.toMatch(/import\(\s*["']node:/);
    };
    visit(join(root, "handler.ts"));
    expect(seen.size).toBeGreaterThan(10);
  });
});
