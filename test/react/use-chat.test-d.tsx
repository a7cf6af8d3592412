import { describe, expectTypeOf, it } from "vitest";
import { useChat, useChatSelector, useMessage, type UseChatResult } from "../../src/react/index.js";
import type { ChatStore } from "../../src/core/chat/chat-store.js";
import type { ChatStatus, SendResult } from "../../src/core/chat/types.js";
import type { Message } from "../../src/core/model/message.js";
import type { Usage } from "../../src/core/model/usage.js";

describe("useChat types", () => {
  it("returns the state and the actions", () => {
    const chat = useChat({ endpoint: "/api", model: "gpt-4.1-mini", id: "a" });
    expectTypeOf(chat).toEqualTypeOf<UseChatResult>();
    expectTypeOf(chat.messages).toEqualTypeOf<readonly Message[]>();
    expectTypeOf(chat.status).toEqualTypeOf<ChatStatus>();
    expectTypeOf(chat.status).toEqualTypeOf<"ready" | "submitted" | "streaming" | "error">();
    expectTypeOf(chat.error).toEqualTypeOf<Error | undefined>();
    expectTypeOf(chat.usage).toEqualTypeOf<Usage | undefined>();
    expectTypeOf(chat.store).toEqualTypeOf<ChatStore>();
    expectTypeOf(chat.send).returns.toEqualTypeOf<Promise<SendResult>>();
    expectTypeOf(chat.send).toBeCallableWith("hi");
    expectTypeOf(chat.send).toBeCallableWith({ text: "hi", files: [new File([], "a.png")] });
    expectTypeOf(chat.stop).toEqualTypeOf<() => void>();
    expectTypeOf(chat.edit).toBeCallableWith("id", "new text");
    expectTypeOf(chat.respondToApproval).toBeCallableWith({
      id: "x",
      approve: false,
      reason: "no",
    });
    expectTypeOf(chat.addToolResult).toBeCallableWith({ toolCallId: "c", output: { ok: true } });
    expectTypeOf(chat.addToolResult).toBeCallableWith({ toolCallId: "c", errorText: "failed" });
  });

  it("infers selector results", () => {
    const { store } = useChat();
    expectTypeOf(useChatSelector(store, (s) => s.messages.length)).toEqualTypeOf<number>();
    expectTypeOf(useMessage(store, "id")).toEqualTypeOf<Message | undefined>();
  });

  it("rejects unknown options", () => {
    // @ts-expect-error: not an option
    useChat({ endpont: "/api" });
    // @ts-expect-error: not a conversation state
    useChat({ conversationState: "server" });
  });
});
