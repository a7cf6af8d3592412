import type { ReactNode } from "react";
import { Chat } from "../../../src/ui/chat/chat.js";
import type { PlaygroundTheme } from "../use-theme-preference.js";
import { PLAYGROUND_ENDPOINT, PLAYGROUND_MODEL } from "../connection.js";

/** The drop-in `<Chat>`, as an app would use it. */
export function ChatPage({ theme }: { theme: PlaygroundTheme }): ReactNode {
  return (
    <div className="playground__panel playground__panel--chat">
      <Chat
        endpoint={PLAYGROUND_ENDPOINT}
        model={PLAYGROUND_MODEL}
        api="responses"
        theme={theme}
        usage="compact"
        placeholder="Ask anything (try: think, search, draw, python, [fault:disconnect-after=9])"
        empty={
          <p>
            The drop-in chat. Messages go through the colloquy proxy at <code>/api/openai</code>.
          </p>
        }
      />
    </div>
  );
}
