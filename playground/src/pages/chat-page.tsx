import type { ReactNode } from "react";
import { Chat } from "../../../src/ui/chat/chat.js";
import type { PlaygroundTheme } from "../use-theme-preference.js";
import { PLAYGROUND_ENDPOINT, PLAYGROUND_MODEL } from "../connection.js";
import type { ToolInput } from "../../../src/core/index.js";

// The code interpreter is offered, so "python" in the placeholder runs code and the file it
// writes shows as a chip that downloads through the proxy.
const CHAT_TOOLS: readonly ToolInput[] = [
  { type: "code_interpreter", container: { type: "auto" } },
];

/** The drop-in `<Chat>`, as an app would use it. */
export function ChatPage({ theme }: { theme: PlaygroundTheme }): ReactNode {
  return (
    <div className="playground__panel playground__panel--chat">
      <Chat
        endpoint={PLAYGROUND_ENDPOINT}
        model={PLAYGROUND_MODEL}
        api="responses"
        tools={CHAT_TOOLS}
        theme={theme}
        usage="compact"
        placeholder="Ask anything"
        empty={
          <p>
            The drop-in chat. Messages go through the colloquy proxy at <code>/api/openai</code>.
            Try asking it to think, search, draw or run python, or add{" "}
            <code>[fault:disconnect-after=9]</code> to a message.
          </p>
        }
      />
    </div>
  );
}
