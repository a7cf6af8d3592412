import { describe, expect, it } from "vitest";
import { act, render, waitFor } from "@testing-library/react";
import { Profiler, memo } from "react";
import type { Message } from "../../src/core/model/message.js";
import type { ChatStore } from "../../src/core/chat/chat-store.js";
import { useChat, useMessage, useMessageIds, type UseChatResult } from "../../src/react/index.js";
import { failOnActWarnings, providerFor, textOf, serveEmulator } from "./support.js";

const server = serveEmulator();
failOnActWarnings();

const history: Message[] = Array.from({ length: 200 }, (_, i) => ({
  id: `m${i}`,
  role: i % 2 === 0 ? "user" : "assistant",
  parts: [{ type: "text", text: `message ${i}` }],
  metadata: {},
  status: "complete",
}));

describe("rendering a long conversation", () => {
  it("re-renders only the streaming message while it streams", async () => {
    const renders = new Map<string, number>();
    const onRender = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1);

    const Row = memo(function Row({ store, id }: { store: ChatStore; id: string }) {
      const message = useMessage(store, id);
      return (
        <Profiler id={id} onRender={onRender}>
          <li data-status={message?.status}>{message ? textOf(message) : null}</li>
        </Profiler>
      );
    });
    const MessageList = memo(function MessageList({ store }: { store: ChatStore }) {
      const ids = useMessageIds(store);
      return (
        <ul>
          {ids.map((id) => (
            <Row key={id} store={store} id={id} />
          ))}
        </ul>
      );
    });
    const latest: { current?: UseChatResult } = {};
    function App() {
      // The chat hook itself sits outside the list, so its own re-renders do not reach the rows.
      const chat = useChat({ storage: null, initialMessages: history });
      latest.current = chat;
      return <MessageList store={chat.store} />;
    }
    render(<App />, { wrapper: providerFor(server.url) });
    expect(renders.size).toBe(200);

    await act(async () => {
      void latest.current!.send("Write a long answer [fault:slow=2]");
    });
    await waitFor(() => expect(latest.current!.status).toBe("ready"));
    const streamed = latest.current!.messages[201]!;
    expect(streamed.status).toBe("complete");

    // Every old message rendered once (the first render); the answer rendered as it grew.
    for (let i = 0; i < 200; i++) expect(renders.get(`m${i}`)).toBe(1);
    expect(renders.get(streamed.id)).toBeGreaterThan(2);
  });
});
