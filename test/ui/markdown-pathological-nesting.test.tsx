import { describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Lexer } from "marked";
import { Chat } from "../../src/ui/index.js";
import { Markdown } from "../../src/ui/markdown/markdown.js";
import { lexIncrementally, lexMarkdown } from "../../src/ui/markdown/incremental-lexer.js";
import type { Highlighter } from "../../src/ui/markdown/markdown-context.js";

/**
 * Markdown nested past any real answer's depth (emphasis, strikethrough, links, quotes,
 * lists) used to overflow the stack in the lexer or in React's commit and cost seconds per
 * lex; now it renders as text within a fixed budget, and a block that fails to render
 * shows as its text without taking the chat with it.
 */

const nestedEmphasis = (levels: number) => `${"*a ".repeat(levels)}a${" a*".repeat(levels)}`;

/** Texts of about 48 KB built to cost marked seconds or overflow its stack. */
const ATTACKS_48K: Record<string, string> = {
  "nested emphasis": nestedEmphasis(8000),
  "nested strong": `${"**a ".repeat(6000)}a${" a**".repeat(6000)}`,
  "nested strikethrough": `${"~~a ".repeat(6000)}a${" a~~".repeat(6000)}`,
  "mixed emphasis": `${"*_a ".repeat(6000)}a${" a_*".repeat(6000)}`,
  "emphasis nested in a heading": `# ${nestedEmphasis(8000)}`,
  "emphasis nested in a table cell": `| h |\n| - |\n| ${nestedEmphasis(8000)} |`,
  "intraword underscores": "a_a".repeat(16000),
  "intraword asterisks": "a*a".repeat(16000),
  "nested block quotes": `${"> ".repeat(24000)}a`,
  "nested bullet lists": `${"- ".repeat(24000)}a`,
  "nested ordered lists": `${"1. ".repeat(16000)}a`,
};

/** Generous for a shared, busy machine: unbounded, each of these took 0.4 to 6 s, or threw. */
const LEX_BUDGET_MS = 250;

describe("markdown lexing within a fixed budget", () => {
  it.each(Object.entries(ATTACKS_48K))("48 KB of %s lexes as text in time", (_name, attack) => {
    const started = performance.now();
    const { blocks } = lexIncrementally(undefined, attack);
    expect(performance.now() - started).toBeLessThan(LEX_BUDGET_MS);
    expect(blocks.map((block) => block.token.raw).join("")).toBe(attack);
    expect(JSON.stringify(blocks)).not.toMatch(/"type":"(em|strong|del|blockquote|list)"/);
  });

  it("lexes ordinary markdown exactly as marked does", () => {
    const ordinary = [
      "# Title with *em* and **strong**",
      "Some ***both***, _under_, ~~gone~~, `code_with_underscores`, snake_case_name and a [link](https://x.y).",
      "- one *a **b ~~c [d](e)~~ b** a*\n  - two\n    > quoted **bold**",
      "1. first\n2. second with `*args` and **kwargs",
      "* * * * * * * * * * * * * * * * * * * * * * * * * * * *",
      "| a | *b* |\n| - | - |\n| 1 | **2** |",
    ].join("\n\n");
    const reference = new Lexer({ gfm: true, breaks: false }).lex(ordinary);
    expect([...lexMarkdown(ordinary, {})]).toEqual([...reference]);
  });
});

describe("<Markdown> under pathological nesting", () => {
  it("renders 48 KB of nested emphasis at once as its text, within a second", () => {
    const attack = ATTACKS_48K["nested emphasis"]!;
    const started = performance.now();
    const { container } = render(<Markdown text={attack} />);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(container.querySelector("em")).toBeNull();
    expect(container.textContent).toBe(attack);
  });

  it("renders nested emphasis of a few KB streamed chunk by chunk without overflowing the stack", () => {
    const attack = nestedEmphasis(1500);
    const { container, rerender } = render(<Markdown text="" streaming />);
    for (let end = 64; end < attack.length; end += 64) {
      rerender(<Markdown text={attack.slice(0, end)} streaming />);
    }
    rerender(<Markdown text={attack} />);
    expect(container.textContent).toBe(attack);
  });

  it("shows a block whose rendering throws as its text, and renders the other blocks", async () => {
    // React logs the error it caught; the test is about what the page shows.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const throwing: Highlighter = () => {
      throw new Error("highlighter failed");
    };
    const loadHighlighter = () => Promise.resolve(throwing);
    const text = "Before **bold**.\n\n```ts\nconst x = 1;\n```\n\nAfter *em*.";
    const { container } = render(<Markdown text={text} loadHighlighter={loadHighlighter} />);
    await waitFor(() => {
      expect(container.querySelector('[data-state="error"]')?.textContent).toContain(
        "const x = 1;",
      );
      expect(container.querySelector("strong")?.textContent).toBe("bold");
      expect(container.querySelector("em")?.textContent).toBe("em");
    });
    logged.mockRestore();
  });
});

/** A Chat Completions stream of `text`, in chunks of `size` characters. */
function chatStreamFetch(text: string, size: number): typeof fetch {
  return () => {
    const lines: string[] = [];
    const chunk = (choice: object) =>
      `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "gpt-4.1-mini", choices: [choice] })}\n\n`;
    lines.push(chunk({ index: 0, delta: { role: "assistant", content: "" } }));
    for (let i = 0; i < text.length; i += size) {
      lines.push(chunk({ index: 0, delta: { content: text.slice(i, i + size) } }));
    }
    lines.push(chunk({ index: 0, delta: {}, finish_reason: "stop" }));
    lines.push("data: [DONE]\n\n");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const line of lines) controller.enqueue(new TextEncoder().encode(line));
        controller.close();
      },
    });
    return Promise.resolve(
      new Response(body, { headers: { "content-type": "text/event-stream" } }),
    );
  };
}

describe("<Chat> answering with pathological nesting", () => {
  it("streams nested emphasis of a few KB to a complete answer and a ready composer", async () => {
    const user = userEvent.setup();
    const attack = nestedEmphasis(1500);
    render(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api="chat"
        placeholder="Ask anything"
        chatOptions={{ fetch: chatStreamFetch(attack, 48), storage: null, notify: "sync" }}
      />,
    );
    await user.type(screen.getByPlaceholderText("Ask anything"), "Hi{Enter}");
    const answer = await waitFor(() => {
      const element = document.querySelector('.colloquy-message[data-role="assistant"]');
      expect(element?.getAttribute("data-state")).toBe("complete");
      return element!;
    });
    expect(answer.querySelector(".colloquy-message__body")!.textContent).toContain(
      attack.slice(0, 300),
    );
    expect(screen.queryByRole("alert")).toBeNull();
    await user.type(screen.getByPlaceholderText("Ask anything"), "again");
    expect((screen.getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
