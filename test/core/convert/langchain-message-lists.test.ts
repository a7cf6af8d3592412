import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toChatCompletionsMessages } from "../../../src/core/convert/to-chat-completions-messages.js";
import { toMessages, type MessageInput } from "../../../src/core/convert/to-messages.js";
import { toResponsesInput } from "../../../src/core/convert/to-responses-input.js";
import { ColloquyError } from "../../../src/core/errors.js";

/**
 * Property: any message list shaped as LangChain writes it (system, human, ai and tool
 * messages, as dicts or `[role, content]` tuples; content a string or standard blocks: text,
 * image / file / audio by URL, base64 with mime_type, or id; ai `tool_calls` in the Chat
 * wire form or LangChain's `{ name, args, id }`; tool messages answering them by
 * `tool_call_id`) converts on both APIs with every block's data in the request, or fails
 * with an `invalid_input` error naming the block (its place and type) and the field.
 */

/** What one block or message must put on the wire, and how it may fail. */
interface Expectation {
  /** Strings the converted request must contain (JSON-escaped when searched). */
  payloads: string[];
  /** Set when no API can take it: toMessages must fail naming this place and type. */
  bad?: { where: string; type: string };
  /** Set when one API cannot take it: that converter must fail naming the part and field. */
  chatRefuses?: { type: string; field: string };
  responsesRefuses?: { type: string; field: string };
}

interface Generated {
  block: Record<string, unknown>;
  expect: Omit<Expectation, "bad"> & { badType?: string };
}

const text = fc.string({ minLength: 1, maxLength: 12 });
const base64 = fc.base64String({ minLength: 4, maxLength: 24 }).filter((s) => s.length > 0);
const url = fc.webUrl();
const fileId = fc.stringMatching(/^file-[a-z0-9]{4,10}$/);
const ok = (block: Record<string, unknown>, ...payloads: string[]): Generated => ({
  block,
  expect: { payloads },
});

/** One human content block, with what it must become. */
const humanBlock: fc.Arbitrary<Generated> = fc.oneof(
  text.map((t) => ok({ type: "text", text: t }, t)),
  fc
    .tuple(base64, fc.constantFrom("image/png", "image/jpeg"))
    .map(([b, m]) => ok({ type: "image", base64: b, mime_type: m }, b)),
  url.map((u) => ok({ type: "image", url: u }, u)),
  fileId.map((id) => ({
    block: { type: "image", id },
    expect: { payloads: [id], chatRefuses: { type: "image", field: "fileId" } },
  })),
  base64.map((b) =>
    ok({ type: "file", base64: b, mime_type: "application/pdf", filename: "doc.pdf" }, b),
  ),
  fileId.map((id) => ok({ type: "file", id }, id)),
  url.map((u) => ({
    block: { type: "file", url: u, mime_type: "application/pdf" },
    expect: { payloads: [u], chatRefuses: { type: "file", field: "url" } },
  })),
  fc.tuple(base64, fc.constantFrom("audio/wav", "audio/mpeg")).map(([b, m]) => ({
    block: { type: "audio", base64: b, mime_type: m },
    expect: { payloads: [b], responsesRefuses: { type: "audio", field: "data" } },
  })),
  // Blocks no API can take: toMessages names them.
  fc.constantFrom("image", "file", "audio").map((type) => ({
    block: { type },
    expect: { payloads: [], badType: type },
  })),
  base64.map((b) => ({
    block: { type: "image", base64: b },
    expect: { payloads: [], badType: "image" },
  })),
  url.map((u) => ({
    block: { type: "audio", url: u },
    expect: { payloads: [], badType: "audio" },
  })),
  base64.map((b) => ({
    block: { type: "audio", base64: b, mime_type: "audio/ogg" },
    expect: { payloads: [], badType: "audio" },
  })),
);

/** Content that is a string or text blocks (system, ai and tool messages). */
const textContent = fc.oneof(
  text.map((t) => ({ content: t as unknown, payloads: [t] })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((texts) => ({
    content: texts.map((t) => ({ type: "text", text: t })) as unknown,
    payloads: texts,
  })),
);

const args = fc.dictionary(
  fc.stringMatching(/^[a-z]{1,6}$/),
  fc.oneof(text, fc.integer(), fc.boolean()),
  { maxKeys: 3 },
);

/** One ai tool call in either form, with the tool message answering it. */
const toolCall = fc.record({
  name: fc.stringMatching(/^[a-z_]{1,10}$/),
  args,
  langchainForm: fc.boolean(),
  result: fc.oneof(
    { weight: 5, arbitrary: textContent.map((c) => ({ ...c, bad: false })) },
    {
      weight: 1,
      arbitrary: base64.map((b) => ({
        content: [{ type: "image", base64: b, mime_type: "image/png" }] as unknown,
        payloads: [] as string[],
        bad: true,
      })),
    },
  ),
});

/** One turn: a human message, and maybe an ai answer with tool calls and their results. */
const turn = fc.record({
  human: fc.oneof(
    text.map((t) => ({ content: t as unknown, blocks: undefined as Generated[] | undefined })),
    fc
      .array(humanBlock, { minLength: 1, maxLength: 4 })
      .map((blocks) => ({ content: blocks.map((b) => b.block) as unknown, blocks })),
  ),
  humanTuple: fc.boolean(),
  ai: fc.option(
    fc.record({
      content: fc.oneof(textContent, fc.constant({ content: "" as unknown, payloads: [] })),
      calls: fc.array(toolCall, { maxLength: 2 }),
    }),
  ),
});

const conversation = fc.record({
  system: fc.option(fc.record({ content: textContent, tuple: fc.boolean() })),
  turns: fc.array(turn, { minLength: 1, maxLength: 3 }),
});

/** The LangChain-shaped list, and what converting it must give. */
function build(generated: typeof conversation extends fc.Arbitrary<infer T> ? T : never) {
  const list: MessageInput[] = [];
  const payloads: string[] = [];
  let bad: { where: string; type: string } | undefined;
  let chatRefuses: { at: string; type: string; field: string } | undefined;
  let responsesRefuses: { at: string; type: string; field: string } | undefined;
  let messageIndex = 0;
  let callNumber = 0;
  const { system } = generated;
  if (system) {
    const content = system.content.content;
    list.push(
      system.tuple && typeof content === "string"
        ? ["system", content]
        : { role: "system", content },
    );
    payloads.push(...system.content.payloads);
    messageIndex++;
  }
  for (const { human, humanTuple, ai } of generated.turns) {
    const where = humanTuple ? `messages[${list.length}][1]` : `messages[${list.length}].content`;
    const content = human.content as string | unknown[];
    list.push(humanTuple ? ["human", content] : { role: "user", content });
    if (human.blocks === undefined) payloads.push(human.content as string);
    human.blocks?.forEach(({ expect: e }, index) => {
      payloads.push(...e.payloads);
      if (e.badType) bad ??= { where: `${where}[${index}]`, type: e.badType };
      const at = `messages[${messageIndex}].parts[${index}]`;
      if (e.chatRefuses) chatRefuses ??= { at, ...e.chatRefuses };
      if (e.responsesRefuses) responsesRefuses ??= { at, ...e.responsesRefuses };
    });
    messageIndex++;
    if (!ai) continue;
    const calls = ai.calls.map((call) => ({ ...call, id: `call_${callNumber++}` }));
    list.push({
      role: "assistant",
      content: ai.content.content,
      ...(calls.length > 0
        ? {
            tool_calls: calls.map(({ id, name, args: callArgs, langchainForm }) =>
              langchainForm
                ? { id, name, args: callArgs, type: "tool_call" }
                : {
                    id,
                    type: "function",
                    function: { name, arguments: JSON.stringify(callArgs) },
                  },
            ),
          }
        : {}),
    });
    payloads.push(...ai.content.payloads);
    messageIndex++;
    for (const call of calls) {
      payloads.push(call.id, call.name, JSON.stringify(call.args));
      if (call.result.bad) bad ??= { where: `messages[${list.length}].content[0]`, type: "image" };
      payloads.push(...call.result.payloads);
      list.push({ role: "tool", tool_call_id: call.id, content: call.result.content });
    }
  }
  return { list, payloads, bad, chatRefuses, responsesRefuses };
}

function errorOf(run: () => unknown): ColloquyError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ColloquyError) return error;
    throw error;
  }
  return undefined;
}

/** The request must hold each payload as sent (a JSON string inside the JSON body). */
function expectCarried(request: unknown, payloads: readonly string[]) {
  const body = JSON.stringify(request);
  for (const payload of payloads) expect(body).toContain(JSON.stringify(payload).slice(1, -1));
}

describe("property: LangChain-shaped message lists convert without loss on both APIs, or fail naming the block", () => {
  it("every text, URL, base64 payload, file id and tool call reaches each request, or the error names the block and field", () => {
    fc.assert(
      fc.property(conversation, (generated) => {
        const { list, payloads, bad, chatRefuses, responsesRefuses } = build(generated);
        if (bad) {
          const error = errorOf(() => toMessages(list));
          expect(error?.code).toBe("invalid_input");
          expect(error!.message.startsWith(`${bad.where}`)).toBe(true);
          expect(error!.message).toContain(bad.type);
          return;
        }
        const messages = toMessages(list);
        for (const [api, convert, refuses] of [
          ["toChatCompletionsMessages", toChatCompletionsMessages, chatRefuses],
          ["toResponsesInput", toResponsesInput, responsesRefuses],
        ] as const) {
          const error = errorOf(() => convert(messages));
          if (refuses) {
            expect(error?.code).toBe("invalid_input");
            const article = refuses.type === "image" || refuses.type === "audio" ? "an" : "a";
            expect(error!.message).toContain(
              `${api}: ${refuses.at}.${refuses.field} (${article} ${refuses.type} part)`,
            );
            continue;
          }
          expect(error).toBeUndefined();
          const { value, warnings } = convert(messages);
          expect(warnings).toEqual([]);
          expectCarried(value, payloads);
        }
      }),
      { numRuns: 400, seed: 17 },
    );
  });
});

describe("the LangChain shapes the property found lost", () => {
  it("an ai message's LangChain tool_calls ({ name, args, id }) are sent as function calls", () => {
    const messages = toMessages([
      ["human", "Weather in Paris?"],
      {
        role: "assistant",
        content: "",
        tool_calls: [
          { name: "get_weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: "18C" },
    ]);
    expect(toChatCompletionsMessages(messages).value.slice(1)).toMatchObject([
      {
        role: "assistant",
        tool_calls: [
          { id: "call_1", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: "18C" },
    ]);
    expect(toResponsesInput(messages).value.slice(1)).toMatchObject([
      { type: "function_call", call_id: "call_1", arguments: '{"city":"Paris"}' },
      { type: "function_call_output", call_id: "call_1", output: "18C" },
    ]);
  });

  it("a tool message with an image block is refused by name instead of sent as an empty result", () => {
    const error = errorOf(() =>
      toMessages([
        ["human", "Take a screenshot"],
        { role: "assistant", content: "", tool_calls: [{ name: "shot", args: {}, id: "c1" }] },
        {
          role: "tool",
          tool_call_id: "c1",
          content: [{ type: "image", base64: "iVBO", mime_type: "image/png" }],
        },
      ]),
    );
    expect(error?.message).toMatch(
      /^messages\[2\]\.content\[0\]: a tool message's content is sent as text, so an image block/,
    );
  });
});
