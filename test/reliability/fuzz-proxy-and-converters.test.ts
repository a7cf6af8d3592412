import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ColloquyError,
  toChatCompletionsMessages,
  toResponsesInput,
  type Message,
  type Part,
} from "../../src/core/index.js";
import { createOpenAIProxy } from "../../src/server/index.js";
import { createEmulatorHandler } from "../../src/testing/index.js";

/**
 * Fuzzing the edges that take input from outside: the converters (any message list the app
 * holds) and the proxy's request validation (any bytes a browser can send).
 */

describe("the converters", () => {
  const text = fc.string({ maxLength: 40 });
  const id = fc.string({ minLength: 1, maxLength: 12 });
  const toolState = fc.constantFrom(
    "input-streaming",
    "input-available",
    "approval-requested",
    "output-available",
    "output-error",
    "output-denied",
  );
  const part: fc.Arbitrary<Part> = fc.oneof(
    fc.record({ type: fc.constant("text"), text }, { requiredKeys: ["type", "text"] }),
    fc.record({ type: fc.constant("refusal"), refusal: text }),
    fc.record(
      {
        type: fc.constant("reasoning"),
        id,
        summary: fc.array(fc.record({ text }), { maxLength: 2 }),
        text,
        encryptedContent: fc.option(text),
      },
      { requiredKeys: ["type", "summary"] },
    ),
    fc.record(
      {
        type: fc.constant("image"),
        origin: fc.constantFrom("input", "generated"),
        url: fc.oneof(fc.webUrl(), fc.constant("data:image/png;base64,AAAA"), text),
        data: fc.base64String({ maxLength: 16 }),
        mediaType: fc.constantFrom("image/png", "image/jpeg", "text/html", ""),
        fileId: id,
        detail: fc.constantFrom("auto", "low", "high", "original"),
        state: fc.constantFrom("generating", "partial", "complete", "failed"),
        id,
      },
      { requiredKeys: ["type", "origin"] },
    ),
    fc.record(
      {
        type: fc.constant("file"),
        mediaType: fc.constantFrom("application/pdf", "text/plain", ""),
        data: fc.base64String({ maxLength: 16 }),
        url: fc.webUrl(),
        fileId: id,
        filename: text,
      },
      { requiredKeys: ["type", "mediaType"] },
    ),
    fc.record(
      {
        type: fc.constant("audio"),
        origin: fc.constantFrom("input", "output"),
        data: fc.base64String({ maxLength: 16 }),
        format: fc.constantFrom("wav", "mp3", "pcm16", ""),
        transcript: text,
        id,
      },
      { requiredKeys: ["type", "origin"] },
    ),
    fc.record(
      {
        type: fc.constant("tool-call"),
        kind: fc.constantFrom("function", "custom"),
        toolCallId: id,
        toolName: id,
        inputText: text,
        state: toolState,
        input: fc.jsonValue({ maxDepth: 2 }),
        output: fc.jsonValue({ maxDepth: 2 }),
        errorText: text,
        approvalId: id,
      },
      { requiredKeys: ["type", "kind", "toolCallId", "toolName", "inputText", "state"] },
    ),
    fc.record(
      {
        type: fc.constant("unknown"),
        originalType: fc.oneof(text, fc.constantFrom("item_reference", "function_call_output")),
        raw: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 4,
        }),
        id,
      },
      { requiredKeys: ["type", "originalType", "raw"] },
    ),
    fc
      .tuple(
        fc.constantFrom(
          "web-search-call",
          "file-search-call",
          "code-interpreter-call",
          "computer-call",
          "mcp-call",
          "mcp-list-tools",
          "mcp-approval-request",
          "shell-call",
          "apply-patch-call",
          "compaction",
        ),
        id,
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
      )
      .map(([type, partId, item]) => ({
        type,
        id: partId,
        state: "completed",
        item: { id: partId, ...item },
      })),
  ) as fc.Arbitrary<Part>;

  const message: fc.Arbitrary<Message> = fc.record({
    id,
    role: fc.constantFrom("system", "developer", "user", "assistant"),
    parts: fc.array(part, { maxLength: 5 }),
    metadata: fc.record({ responseId: id, model: text }, { requiredKeys: [] }),
    status: fc.constantFrom("in-progress", "complete", "incomplete", "failed", "aborted"),
  }) as fc.Arbitrary<Message>;

  it("turn any message list into both wire formats, with warnings, or refuse an unsendable input by name", () => {
    /** The result, or undefined for the one error allowed: a user input the API cannot take. */
    const converted = <T>(convert: () => T): T | undefined => {
      try {
        return convert();
      } catch (error) {
        expect(error).toBeInstanceOf(ColloquyError);
        expect((error as ColloquyError).code).toBe("invalid_input");
        expect((error as Error).message).toMatch(
          /^(toChatCompletionsMessages|toResponsesInput): messages\[\d+\]\.parts\[\d+\]\.\w+ \(an? (image|file|audio) part\): /,
        );
        return undefined;
      }
    };
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 6 }),
        fc.option(fc.string({ minLength: 1, maxLength: 8 })),
        (messages, previousResponseId) => {
          const chat = converted(() => toChatCompletionsMessages(messages));
          const responses = converted(() =>
            toResponsesInput(messages, previousResponseId ? { previousResponseId } : {}),
          );
          for (const result of [chat, responses]) {
            if (!result) continue;
            expect(Array.isArray(result.value)).toBe(true);
            expect(Array.isArray(result.warnings)).toBe(true);
            for (const warning of result.warnings) expect(typeof warning.message).toBe("string");
            // What goes on the wire must survive JSON.
            expect(() => JSON.stringify(result.value)).not.toThrow();
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("the proxy's request validation", () => {
  function proxyWithCountingUpstream() {
    const emulator = createEmulatorHandler();
    const seen: { body: string; status: number }[] = [];
    const proxy = createOpenAIProxy({
      apiKey: "sk-fuzz",
      models: "all",
      rateLimit: false,
      logger: false,
      upstream: async (request) => {
        const body = await request.clone().text();
        const response = await emulator(request);
        seen.push({ body, status: response.status });
        return response;
      },
    });
    return { proxy, seen };
  }

  const ROUTES = ["responses", "chat/completions"] as const;

  async function post(
    proxy: ReturnType<typeof createOpenAIProxy>,
    route: string,
    body: BodyInit,
    contentType = "application/json",
  ) {
    const response = await proxy(
      new Request(`http://127.0.0.1/api/openai/v1/${route}`, {
        method: "POST",
        headers: { "content-type": contentType },
        body,
      }),
    );
    return { status: response.status, text: await response.text() };
  }

  function expectOpenAIErrorShape(text: string) {
    const parsed = JSON.parse(text) as { error?: { message?: unknown; type?: unknown } };
    expect(typeof parsed.error?.message).toBe("string");
    expect(typeof parsed.error?.type).toBe("string");
  }

  /** Bodies near the valid shape: the fields the routes know, with random values. */
  const nearlyValid = fc.record(
    {
      model: fc.oneof(fc.constantFrom("gpt-5-mini", "gpt-4o-mini"), fc.jsonValue({ maxDepth: 1 })),
      input: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 3 })),
      messages: fc.oneof(
        fc.array(
          fc.record({
            role: fc.constantFrom("user", "system", "assistant", "tool", "bogus"),
            content: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
          }),
          { maxLength: 3 },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      stream: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
      max_output_tokens: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.string()),
      max_tokens: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.string()),
      tools: fc.oneof(
        fc.array(
          fc.record({ type: fc.constantFrom("function", "web_search", "code_interpreter", "x") }),
          { maxLength: 2 },
        ),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      temperature: fc.oneof(fc.double(), fc.string()),
    },
    { requiredKeys: [] },
  );

  it.each(ROUTES)("/%s: random JSON is answered 2xx or 4xx, never 5xx", async (route) => {
    const { proxy, seen } = proxyWithCountingUpstream();
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearlyValid, fc.jsonValue({ maxDepth: 3 })), async (body) => {
        const before = seen.length;
        const { status, text } = await post(proxy, route, JSON.stringify(body));
        expect(status, text).toBeLessThan(500);
        if (status >= 400 && seen.length === before) expectOpenAIErrorShape(text);
        // The proxy passes parameters it does not check through (so new OpenAI parameters
        // work without a release), and the upstream, strict as OpenAI is, may still refuse
        // what it let through: that refusal is a 4xx, relayed to the client as it came.
        for (const forwarded of seen.slice(before)) {
          expect(forwarded.status, forwarded.body).toBeLessThan(500);
          if (forwarded.status >= 400) {
            expect(status, forwarded.body).toBe(forwarded.status);
            expectOpenAIErrorShape(text);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each(ROUTES)("/%s: random bytes are refused with OpenAI's error shape", async (route) => {
    const { proxy, seen } = proxyWithCountingUpstream();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom("application/json", "text/plain", "application/octet-stream"),
        async (bytes, contentType) => {
          const before = seen.length;
          const { status, text } = await post(proxy, route, bytes, contentType);
          expect(status, text).toBeGreaterThanOrEqual(400);
          expect(status, text).toBeLessThan(500);
          expectOpenAIErrorShape(text);
          expect(seen.length).toBe(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});
