import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Message as MessageModel } from "../../src/core/index.js";
import { MessageList, preloadPartViews } from "../../src/ui/index.js";
import {
  THEMES,
  axeViolations,
  mount,
  recordedMessages,
  saveScreenshot,
  type Mounted,
} from "./component-harness.js";

let recorded: MessageModel[] = [];
let mounted: Mounted | undefined;
beforeAll(async () => {
  recorded = await recordedMessages("web-search-url-citations.json");
  // Screenshots show the finished parts; test/browser/message-deferred-parts covers loading.
  await preloadPartViews();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

function user(id: string, text: string): MessageModel {
  return { id, role: "user", parts: [{ type: "text", text }], metadata: {}, status: "complete" };
}

describe.each(THEMES)("<MessageList> (%s)", (theme) => {
  it("renders a conversation with a recorded answer", async () => {
    const answer: MessageModel = recorded[0] ?? {
      id: "a1",
      role: "assistant",
      parts: [{ type: "text", text: "Here is **an answer**." }],
      metadata: {},
      status: "complete",
    };
    const messages = [user("u1", "What happened in tech news today?"), { ...answer, id: "a1" }];
    mounted = await mount(
      <div style={{ height: 640 }}>
        <MessageList messages={messages} usage="compact" />
      </div>,
      theme,
    );
    expect(mounted.root.querySelector('[role="log"]')).not.toBeNull();
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `message-list-${theme}`);
  });

  it("renders each part kind with roles labelled", async () => {
    const messages: MessageModel[] = [
      user("u1", "Compare **zustand** and jotai in two lines."),
      {
        id: "a1",
        role: "assistant",
        status: "complete",
        metadata: {
          usage: { inputTokens: 412, outputTokens: 188, totalTokens: 600, reasoningTokens: 64 },
        },
        parts: [
          {
            type: "reasoning",
            summary: [{ text: "Weighing the two libraries." }],
            state: "done",
            durationMs: 3200,
          },
          {
            type: "text",
            text: "- **zustand**: one store, selectors, tiny API.\n- **jotai**: atoms composed bottom-up.\n\nBoth are small; pick by mental model.",
          },
          { type: "refusal", refusal: "I won't benchmark them without data." },
          { type: "unknown", originalType: "future_item", raw: {} },
        ],
      },
      { ...user("u2", "Thanks!"), status: "complete" },
      { id: "a2", role: "assistant", parts: [], metadata: {}, status: "in-progress" },
    ];
    mounted = await mount(
      <div style={{ height: 640 }}>
        <MessageList messages={messages} usage="compact" />
      </div>,
      theme,
    );
    const articles = mounted.root.querySelectorAll("article");
    expect([...articles].map((a) => a.getAttribute("data-role"))).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    expect(articles[3]!.getAttribute("aria-live")).toBe("polite");
    expect(await axeViolations(mounted.root)).toEqual([]);
    await saveScreenshot(mounted.root, `message-${theme}`);
  });

  it("follows new content, stops when scrolled up, and jumps back", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => user(`u${i}`, `Message number ${i}`));
    mounted = await mount(
      <div style={{ height: 400 }}>
        <MessageList messages={many} />
      </div>,
      theme,
    );
    const log = mounted.root.querySelector<HTMLElement>('[role="log"]')!;
    const atBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < 60;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(atBottom()).toBe(true);
    log.scrollTop = 0;
    log.dispatchEvent(new Event("scroll"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await mounted.rerender(
      <div style={{ height: 400 }}>
        <MessageList messages={[...many, user("new", "A new message")]} />
      </div>,
    );
    expect(log.scrollTop).toBe(0);
    const jump = mounted.root.querySelector<HTMLButtonElement>(".colloquy-message-list__jump")!;
    expect(jump.textContent).toBe("Jump to latest");
    jump.click();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(atBottom()).toBe(true);
  });
});
