import type { ReactNode } from "react";
import type { ChatClient } from "../../../src/core/index.js";
import { Chat } from "../../../src/ui/index.js";
import type { PlaygroundTheme } from "../use-theme-preference.js";

/** Props of {@link ChatSurface}. */
export interface ChatSurfaceProps {
  /** The client under test (its API, timeout and retries come from the lab's settings). */
  client: ChatClient;
  /** The palette. */
  theme: PlaygroundTheme;
}

/** The drop-in `<Chat>`: its own error banner and Retry button are what the lab checks. */
export function ChatSurface({ client, theme }: ChatSurfaceProps): ReactNode {
  return (
    <div className="playground__panel fault-lab__chat">
      <Chat
        chatOptions={{ client, storage: null }}
        theme={theme}
        usage="compact"
        placeholder="A message with a fault"
        empty={<p>Send a message with a fault directive from the list, then press Retry.</p>}
      />
    </div>
  );
}
