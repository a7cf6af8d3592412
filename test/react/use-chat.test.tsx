import { describe, expect, it } from "vitest";
import { act, render, screen, waitFor } from "@testing-library/react";
import { useChat, type UseChatOptions, type UseChatResult } from "../../src/react/index.js";
import { memoryChatStorage } from "../../src/core/chat/storage.js";
import { localStorageChatStorage } from "../../src/core/chat/local-storage.js";
import { failOnActWarnings, providerFor, textOf, serveEmulator } from "./support.js";

const server = serveEmulator();
failOnActWarnings();

/** Renders useChat and hands the latest result to the test. */
function renderChat(options: UseChatOptions = {}, wrapper = providerFor(server.url)) {
  const latest: { current?: UseChatResult } = {};
  function Chat() {
    const chat = useChat({ storage: null, notify: "microtask", ...options });
    latest.current = chat;
    return (
      <div>
        <p data-testid="status">{chat.status}</p>
        {chat.messages.map((m) => (
          <p key={m.id} data-testid={`${m.role}-message`} data-status={m.status}>
            {textOf(m)}
          </p>
        ))}
      </div>
    );
  }
  const view = render(<Chat />, { wrapper });
  return { ...view, chat: () => latest.current! };
}

describe("useChat against the emulator", () => {
  it("sends a message and streams the answer", async () => {
    const { chat } = renderChat();
    await act(async () => {
      void chat().send("Hello there");
    });
    await waitFor(() => expect(chat().status).toBe("ready"));
    const [user, assistant] = chat().messages;
    expect(textOf(user)).toBe("Hello there");
    expect(assistant!.role).toBe("assistant");
    expect(assistant!.status).toBe("complete");
    expect(textOf(assistant).length).toBeGreaterThan(20);
    expect(screen.getByTestId("assistant-message").textContent).toBe(textOf(assistant));
    expect(chat().usage?.totalTokens).toBeGreaterThan(0);
  });

  it("stop() mid-stream keeps the partial answer, marked aborted", async () => {
    const { chat } = renderChat();
    await act(async () => {
      void chat().send("Tell me something [fault:slow=40]");
    });
    await waitFor(() => expect(textOf(chat().messages[1]).length).toBeGreaterThan(0));
    act(() => chat().stop());
    const partial = textOf(chat().messages[1]);
    expect(chat().status).toBe("ready");
    expect(chat().messages[1]!.status).toBe("aborted");
    expect(partial.length).toBeGreaterThan(0);
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(textOf(chat().messages[1])).toBe(partial);
  });

  it("a network error mid-stream keeps the partial answer and the input; regenerate recovers", async () => {
    const { chat } = renderChat();
    await act(async () => {
      void chat().send("Explain [fault:disconnect-after=8]");
    });
    await waitFor(() => expect(chat().status).toBe("error"));
    const [user, failed] = chat().messages;
    expect(textOf(user)).toBe("Explain [fault:disconnect-after=8]");
    expect(failed!.status).toBe("failed");
    expect(textOf(failed).length).toBeGreaterThan(0);
    expect(failed!.error?.message).toBeTruthy();
    expect(chat().error).toBeInstanceOf(Error);

    await act(async () => {
      void chat().regenerate();
    });
    await waitFor(() => expect(chat().status).toBe("ready"));
    expect(chat().messages).toHaveLength(2);
    expect(chat().messages[1]!.status).toBe("complete");
    expect(chat().error).toBeUndefined();
  });

  it("reloads and resumes a background answer exactly where it stopped", async () => {
    // The reference: the same question answered without interruption.
    const reference = renderChat();
    await act(async () => {
      void reference.chat().send("Resume me please");
    });
    await waitFor(() => expect(reference.chat().status).toBe("ready"));
    const expected = textOf(reference.chat().messages[1]);
    reference.unmount();

    // The first page: its connection drops (the tab closes) while the answer streams.
    const storage = memoryChatStorage();
    let pageOpen = true;
    const pageStorage = {
      load: storage.load,
      remove: storage.remove,
      save: (id: string, chat: Parameters<typeof storage.save>[1]) =>
        pageOpen ? storage.save(id, chat) : undefined,
    };
    const page = new AbortController();
    const pageFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: page.signal });
    const first = renderChat(
      {
        id: "resumable",
        storage: pageStorage,
        saveThrottleMs: 0,
        requestParams: { background: true, store: true },
      },
      providerFor(server.url, "responses", pageFetch),
    );
    await act(async () => {
      void first.chat().send("Resume me please [fault:slow=10]");
    });
    await waitFor(() => {
      const saved = storage.entries.get("resumable")?.messages[1];
      expect(saved?.metadata.lastSequenceNumber).toBeGreaterThan(4);
      expect(textOf(saved).length).toBeGreaterThan(0);
    });
    pageOpen = false;
    page.abort();
    await waitFor(() => expect(first.chat().status).not.toBe("streaming"));
    first.unmount();
    const saved = storage.entries.get("resumable")!.messages[1]!;
    expect(saved.status).toBe("in-progress");
    expect(textOf(saved).length).toBeLessThan(expected.length);

    // The reloaded page: a new store on the same storage picks the answer up.
    const second = renderChat({ id: "resumable", storage });
    await waitFor(() => expect(second.chat().messages[1]?.status).toBe("complete"));
    expect(second.chat().messages[1]!.id).toBe(saved.id);
    expect(textOf(second.chat().messages[1])).toBe(expected);
    expect(storage.entries.get("resumable")!.messages[1]!.status).toBe("complete");
  });

  it("keeps a conversation in localStorage across remounts when storage asks for it", async () => {
    localStorage.clear();
    const first = renderChat({ id: "kept", storage: localStorageChatStorage() });
    await act(async () => {
      void first.chat().send("Remember this");
    });
    await waitFor(() => expect(first.chat().status).toBe("ready"));
    const messages = first.chat().messages;
    first.unmount();
    expect(localStorage.getItem("colloquy:chat:kept")).toContain("Remember this");

    const second = renderChat({ id: "kept", storage: localStorageChatStorage() });
    await waitFor(() => expect(second.chat().messages).toEqual(messages));
    localStorage.clear();
  });
});
