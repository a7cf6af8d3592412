import type { ReactNode } from "react";
import {
  localStorageChatStorage,
  type ChatClient,
  type RequestParams,
} from "../../../src/core/index.js";
import { Chat } from "../../../src/ui/index.js";
import type { PlaygroundTheme } from "../use-theme-preference.js";

/** The id the conversation is saved under (localStorage). */
export const SAVED_CHAT_ID = "fault-lab-saved";

/** Where it is saved: the page's localStorage. */
const SAVED_CHAT_STORAGE = localStorageChatStorage();

/** Answers run in the background, so the server keeps them going while the page reloads. */
const BACKGROUND: RequestParams = { background: true };

/** Props of {@link SavedChatSurface}. */
export interface SavedChatSurfaceProps {
  /** The client under test. */
  client: ChatClient;
  /** The palette. */
  theme: PlaygroundTheme;
}

/**
 * A `<Chat>` whose conversation is saved in the page and whose answers run in the background:
 * reload while an answer streams, and it comes back and continues where it stopped.
 */
export function SavedChatSurface({ client, theme }: SavedChatSurfaceProps): ReactNode {
  return (
    <div className="playground__panel fault-lab__chat">
      <Chat
        chatOptions={{ client, id: SAVED_CHAT_ID, storage: SAVED_CHAT_STORAGE }}
        requestParams={BACKGROUND}
        theme={theme}
        usage="compact"
        placeholder="[fault:slow=40] Tell me a story, then reload the page while it streams"
        empty={<p>Send a slow message, reload while it streams: the answer carries on.</p>}
      />
    </div>
  );
}
