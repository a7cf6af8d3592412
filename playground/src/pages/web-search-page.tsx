import { type ReactNode } from "react";
import type { RequestParams } from "../../../src/core/index.js";
import { useChat } from "../../../src/react/index.js";
import { ChatPanel } from "../components/chat-panel.js";

const PARAMS: RequestParams = { tools: [{ type: "web_search" }] };

/** Answers grounded in web search, with numbered citations and their sources. */
export function WebSearchPage(): ReactNode {
  const chat = useChat({ requestParams: PARAMS, storage: null });
  return (
    <div className="playground__panel">
      <ChatPanel
        chat={chat}
        lead="The web search tool is on: answers show the search as it runs, then text with numbered citations and the sources they point to."
        suggestions={[
          "Search the web: what is the latest news about the James Webb Space Telescope?",
          "Search for the latest stable Node.js release and its highlights",
        ]}
        placeholder="Ask the web"
      />
    </div>
  );
}
