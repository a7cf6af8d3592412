import { describe, expect, it, vi } from "vitest";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler } from "react";
import type { Message as MessageModel, Part } from "../../src/core/index.js";
import { Message } from "../../src/ui/message/message.js";
import { MessageList } from "../../src/ui/message/message-list.js";
import { StringsProvider } from "../../src/ui/strings/index.js";

function message(
  id: string,
  role: MessageModel["role"],
  parts: Part[],
  status: MessageModel["status"] = "complete",
): MessageModel {
  return { id, role, parts, metadata: {}, status };
}

describe("<Message>", () => {
  it("renders every part by type with its role labelled", async () => {
    const m = message("m1", "assistant", [
      {
        type: "reasoning",
        summary: [{ text: "Thinking it over" }],
        state: "done",
        durationMs: 2000,
      },
      { type: "text", text: "Hello **there**" },
      { type: "refusal", refusal: "I can't help with that." },
      { type: "unknown", originalType: "future_item", raw: {} },
    ]);
    // Awaited so React keeps retrying the parts whose views load on first use.
    await act(async () => render(<Message message={m} />));
    const article = screen.getByRole("article", { name: "Assistant" });
    expect(article.getAttribute("data-role")).toBe("assistant");
    expect(article.getAttribute("data-message-id")).toBe("m1");
    expect(screen.getByRole("button", { name: "Thought for 2 seconds" })).toBeTruthy();
    expect(screen.getByText("there").tagName).toBe("STRONG");
    expect(screen.getByRole("note").textContent).toContain("I can't help with that.");
    // An unknown item's card is one of the views loaded on first use.
    expect(await screen.findByRole("group", { name: "Future item" })).toBeTruthy();
  });

  it("lets renderers override a part type", () => {
    const m = message("m1", "user", [{ type: "text", text: "hi" }]);
    render(
      <Message
        message={m}
        renderers={{ text: (part) => <mark>{part.text.toUpperCase()}</mark> }}
      />,
    );
    expect(screen.getByText("HI").tagName).toBe("MARK");
  });

  it("marks the streaming message live and busy", () => {
    render(
      <Message
        message={message(
          "m1",
          "assistant",
          [{ type: "text", text: "Hel", state: "streaming" }],
          "in-progress",
        )}
      />,
    );
    const article = screen.getByRole("article");
    expect(article.getAttribute("aria-live")).toBe("polite");
    expect(article.getAttribute("aria-busy")).toBe("true");
  });

  it("uses overridden strings", () => {
    render(
      <StringsProvider strings={{ roleUser: "Du" }}>
        <Message message={message("m1", "user", [{ type: "text", text: "hallo" }])} />
      </StringsProvider>,
    );
    expect(screen.getByRole("article", { name: "Du" })).toBeTruthy();
  });

  it("shows the error of a failed message", () => {
    const m = {
      ...message("m1", "assistant", [], "failed"),
      error: { message: "Rate limited, try again." },
    };
    render(<Message message={m} />);
    expect(screen.getByRole("alert").textContent).toBe("Rate limited, try again.");
  });
});

describe("<MessageList>", () => {
  it("is a log and re-renders only the message that changed", () => {
    const history = Array.from({ length: 50 }, (_, i) =>
      message(`m${i}`, i % 2 ? "assistant" : "user", [{ type: "text", text: `Message ${i}` }]),
    );
    const renders = new Map<string, number>();
    const onRender = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1);
    const streaming = (text: string) =>
      message("live", "assistant", [{ type: "text", text, state: "streaming" }], "in-progress");
    // Renderers are stable (as documented), so memoisation holds.
    const renderers = {
      text: (part: { text: string }, { message: m }: { message: MessageModel }) => (
        <Profiler id={m.id} onRender={() => onRender(m.id)}>
          <span>{part.text}</span>
        </Profiler>
      ),
    };
    const view = (live: MessageModel) => (
      <MessageList messages={[...history, live]} renderers={renderers} />
    );
    const { rerender } = render(view(streaming("a")));
    expect(screen.getByRole("log", { name: "Conversation" })).toBeTruthy();
    renders.clear();
    for (const text of ["ab", "abc", "abcd"]) rerender(view(streaming(text)));
    expect(renders.get("live")).toBe(3);
    expect(renders.get("m0")).toBeUndefined();
    expect(renders.get("m49")).toBeUndefined();
  });

  it("offers 'jump to latest' after the user scrolls up, and follows again after it", async () => {
    const user = userEvent.setup();
    const messages = Array.from({ length: 20 }, (_, i) =>
      message(`m${i}`, "user", [{ type: "text", text: `M${i}` }]),
    );
    render(<MessageList messages={messages} />);
    const log = screen.getByRole("log");
    // jsdom has no layout: describe the scroller's geometry by hand.
    Object.defineProperty(log, "scrollHeight", { configurable: true, value: 2000 });
    Object.defineProperty(log, "clientHeight", { configurable: true, value: 400 });
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    act(() => {
      log.scrollTop = 1600;
      log.dispatchEvent(new Event("scroll"));
    });
    act(() => {
      log.scrollTop = 600;
      log.dispatchEvent(new Event("scroll"));
    });
    const jump = screen.getByRole("button", { name: "Jump to latest" });
    log.scrollTo = vi.fn(({ top }: ScrollToOptions) => {
      log.scrollTop = top ?? 0;
    }) as unknown as typeof log.scrollTo;
    await user.click(jump);
    expect(log.scrollTop).toBe(2000);
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();
  });
});
