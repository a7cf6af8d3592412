import { describe, expect, it, vi } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createEmulatorHandler } from "../../src/testing/index.js";
import type { Message } from "../../src/core/index.js";
import {
  Chat,
  MessageActions,
  plainTextFromMarkdown,
  type MessageFeedback,
} from "../../src/ui/index.js";

function emulatorFetch(): typeof fetch {
  const handler = createEmulatorHandler();
  return (input, init) => handler(new Request(new URL(String(input), "http://127.0.0.1/"), init));
}

function renderChat(onFeedback?: (feedback: MessageFeedback) => void) {
  render(
    <Chat
      endpoint="http://127.0.0.1/v1"
      model="gpt-4.1-mini"
      api="responses"
      placeholder="Ask anything"
      {...(onFeedback ? { onFeedback } : {})}
      chatOptions={{ fetch: emulatorFetch(), storage: null, notify: "sync" }}
    />,
  );
  return document.querySelector<HTMLElement>(".colloquy-chat")!;
}

function messages(root: HTMLElement, role: "user" | "assistant"): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`.colloquy-message[data-role="${role}"]`));
}

async function askAndWait(root: HTMLElement, text: string) {
  const user = userEvent.setup();
  await user.type(screen.getByPlaceholderText("Ask anything"), `${text}{Enter}`);
  await waitFor(() => {
    const answers = messages(root, "assistant");
    expect(answers.at(-1)?.getAttribute("data-state")).toBe("complete");
    expect(answers.at(-1)?.querySelector(".colloquy-message-actions")).toBeTruthy();
  });
  return user;
}

function actions(message: HTMLElement) {
  return within(message.querySelector<HTMLElement>(".colloquy-message-actions")!);
}

describe("<Chat> message actions", () => {
  it("copies an answer as markdown and as plain text", async () => {
    const root = renderChat();
    // user-event puts a clipboard of its own on navigator.
    const user = await askAndWait(root, "Say something **bold**");
    const answer = messages(root, "assistant")[0]!;
    await user.click(actions(answer).getByRole("button", { name: "Copy as Markdown" }));
    const markdown = await navigator.clipboard.readText();
    expect(markdown).toMatch(/\|/);
    await user.click(actions(answer).getByRole("button", { name: "Copy as plain text" }));
    const plain = await navigator.clipboard.readText();
    expect(plain).toBe(plainTextFromMarkdown(markdown));
    expect(plain).not.toMatch(/\*\*|\|/);
  });

  it("regenerates an answer and keeps the earlier one switchable as 1 / 2", async () => {
    const root = renderChat();
    const user = await askAndWait(root, "Tell me a fact");
    const first = messages(root, "assistant")[0]!;
    const firstId = first.getAttribute("data-message-id");
    await user.click(actions(first).getByRole("button", { name: "Regenerate" }));
    await waitFor(() => {
      const answer = messages(root, "assistant")[0]!;
      expect(answer.getAttribute("data-message-id")).not.toBe(firstId);
      expect(answer.getAttribute("data-state")).toBe("complete");
      expect(actions(answer).getByRole("status", { name: "Version 2 of 2" })).toBeTruthy();
    });
    expect(messages(root, "assistant")).toHaveLength(1);
    await user.click(
      actions(messages(root, "assistant")[0]!).getByRole("button", { name: "Previous version" }),
    );
    const shown = messages(root, "assistant")[0]!;
    expect(shown.getAttribute("data-message-id")).toBe(firstId);
    expect(actions(shown).getByRole("status", { name: "Version 1 of 2" }).textContent).toBe(
      "1 / 2",
    );
    expect(
      (actions(shown).getByRole("button", { name: "Previous version" }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it("edits a user message and resends it, the old branch kept switchable", async () => {
    const root = renderChat();
    const user = await askAndWait(root, "What is two plus two");
    const original = messages(root, "user")[0]!;
    await user.click(actions(original).getByRole("button", { name: "Edit" }));
    const box = actions(messages(root, "user")[0]!).getByRole("textbox", { name: "Edit message" });
    expect(document.activeElement).toBe(box);
    await user.clear(box);
    await user.type(box, "What is three plus three");
    await user.click(screen.getByRole("button", { name: "Save and send" }));
    await waitFor(() => {
      expect(messages(root, "user")[0]!.textContent).toContain("What is three plus three");
      expect(messages(root, "assistant")[0]?.getAttribute("data-state")).toBe("complete");
    });
    expect(messages(root, "user")).toHaveLength(1);
    const edited = messages(root, "user")[0]!;
    expect(actions(edited).getByRole("status", { name: "Version 2 of 2" })).toBeTruthy();
    await user.click(actions(edited).getByRole("button", { name: "Previous version" }));
    expect(messages(root, "user")[0]!.textContent).toContain("What is two plus two");
    expect(messages(root, "assistant")).toHaveLength(1);
  });

  it("closes the edit box with Escape and puts focus back on Edit", async () => {
    const root = renderChat();
    const user = await askAndWait(root, "Hello");
    const edit = actions(messages(root, "user")[0]!).getByRole("button", { name: "Edit" });
    edit.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("textbox", { name: "Edit message" })).toBeTruthy();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("textbox", { name: "Edit message" })).toBeNull());
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).getAttribute("data-action")).toBe("edit"),
    );
  });

  it("reports thumbs and an optional comment through onFeedback with the message and response id", async () => {
    const onFeedback = vi.fn();
    const root = renderChat(onFeedback);
    const user = await askAndWait(root, "Hi");
    const answer = messages(root, "assistant")[0]!;
    const messageId = answer.getAttribute("data-message-id");
    const up = actions(answer).getByRole("button", { name: "Good response" });
    expect(up.getAttribute("aria-pressed")).toBe("false");
    await user.click(up);
    expect(up.getAttribute("aria-pressed")).toBe("true");
    expect(onFeedback).toHaveBeenCalledTimes(1);
    const rated = onFeedback.mock.calls[0]![0] as MessageFeedback;
    expect(rated).toMatchObject({ messageId, rating: "up" });
    expect(rated.responseId).toMatch(/^resp_/);
    await user.type(
      actions(answer).getByRole("textbox", { name: "Tell us more (optional)" }),
      "Short and right{Enter}",
    );
    expect(onFeedback).toHaveBeenLastCalledWith({ ...rated, comment: "Short and right" });
    expect(actions(answer).queryByRole("textbox")).toBeNull();
  });

  it("shows no feedback buttons without onFeedback, and no actions when turned off", async () => {
    const root = renderChat();
    await askAndWait(root, "Hi");
    expect(screen.queryByRole("button", { name: "Good response" })).toBeNull();
    render(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        messageActions={false}
        chatOptions={{ fetch: emulatorFetch(), storage: null }}
      />,
    );
    expect(
      document.querySelectorAll(".colloquy-chat")[1]!.querySelector(".colloquy-message-actions"),
    ).toBe(null);
  });

  it("offers nothing to copy for an answer cut before its first word", async () => {
    const cut: Message = {
      id: "a1",
      role: "assistant",
      parts: [{ type: "text", text: "## " }],
      metadata: {},
      status: "failed",
    };
    const done: Message = {
      ...cut,
      id: "a2",
      parts: [{ type: "text", text: "## Paris" }],
      status: "complete",
    };
    // Awaited so React retries the actions row once its code is in, as a page does.
    await act(async () =>
      render(
        <Chat
          endpoint="http://127.0.0.1/v1"
          model="gpt-4.1-mini"
          api="responses"
          chatOptions={{
            fetch: emulatorFetch(),
            storage: null,
            notify: "sync",
            initialMessages: [cut, done],
          }}
        />,
      ),
    );
    const [first, second] = messages(
      document.querySelector<HTMLElement>(".colloquy-chat")!,
      "assistant",
    );
    // The row of the answer that has words is there, so the cut one's absence is not a delay.
    await waitFor(() => expect(second!.querySelector(".colloquy-message-actions")).toBeTruthy());
    expect(actions(second!).getByRole("button", { name: "Copy as Markdown" })).toBeTruthy();
    expect(first!.querySelector(".colloquy-message-actions")).toBeNull();
  });

  it("reaches every action with Tab alone", async () => {
    const root = renderChat(() => {});
    const user = await askAndWait(root, "Hi");
    const answer = messages(root, "assistant")[0]!;
    const wanted = Array.from(answer.querySelectorAll<HTMLElement>("[data-action]"));
    expect(wanted.map((b) => b.getAttribute("data-action"))).toEqual([
      "copy-markdown",
      "copy-text",
      "regenerate",
      "feedback-up",
      "feedback-down",
    ]);
    const reached = new Set<Element>();
    (document.body as HTMLElement).focus();
    for (let i = 0; i < 40 && reached.size < wanted.length; i++) {
      await user.tab();
      if (wanted.includes(document.activeElement as HTMLElement))
        reached.add(document.activeElement!);
    }
    expect(reached.size).toBe(wanted.length);
  });
});

describe("MessageActions parts", () => {
  const message: Message = {
    id: "m1",
    role: "assistant",
    parts: [
      { type: "text", text: "# Title\n\nSome *emphasis* and a [link](https://example.com)." },
    ],
    metadata: {},
    status: "complete",
  };

  it("compose under a Root of one's own, in any order", async () => {
    const onRegenerate = vi.fn();
    const user = userEvent.setup();
    render(
      <MessageActions.Root message={message} onRegenerate={onRegenerate}>
        <MessageActions.Regenerate>Try again</MessageActions.Regenerate>
        <MessageActions.CopyPlainText />
      </MessageActions.Root>,
    );
    expect(screen.getByRole("group", { name: "Message actions" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRegenerate).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Good response" })).toBeNull();
  });

  it("say which Root is missing when used outside one", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<MessageActions.Regenerate />)).toThrow(/MessageActions.Root/);
    vi.restoreAllMocks();
  });

  it("turn markdown into the words a reader sees", () => {
    expect(plainTextFromMarkdown("# Title\n\nSome *emphasis* and a [link](https://x.test).")).toBe(
      "Title\n\nSome emphasis and a link.",
    );
    expect(plainTextFromMarkdown("- one\n- **two**\n\n```js\nlet a = 1;\n```")).toBe(
      "one\ntwo\n\nlet a = 1;",
    );
  });
});
