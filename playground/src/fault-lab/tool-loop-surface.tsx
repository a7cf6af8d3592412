import { useMemo, useState, type ReactNode } from "react";
import { z } from "zod";
import { defineTool, type ChatClient } from "../../../src/core/index.js";
import { useChat, useToolCalls } from "../../../src/react/index.js";
import { ChatPanel } from "../components/chat-panel.js";

/** Props of {@link ToolLoopSurface}. */
export interface ToolLoopSurfaceProps {
  /** The client under test. */
  client: ChatClient;
}

/**
 * A client-side tool loop: the model calls `get_weather`, the page runs it and sends the
 * result back. The run counter shows whether a retry ran the tool again.
 */
export function ToolLoopSurface({ client }: ToolLoopSurfaceProps): ReactNode {
  const chat = useChat({ client, storage: null });
  const [runs, setRuns] = useState(0);
  const tools = useMemo(
    () => ({
      get_weather: defineTool({
        name: "get_weather",
        description: "Current weather for a city",
        parameters: z.object({ city: z.string() }),
        execute: ({ city }) => {
          setRuns((count) => count + 1);
          return { city, celsius: 18, sky: "clear" };
        },
      }),
    }),
    [],
  );
  useToolCalls({ chat, tools, maxSteps: 4 });
  return (
    <div className="fault-lab__tool-loop">
      <ChatPanel
        chat={chat}
        suggestions={["What is the weather in Paris? Use the tool. [fault:500]"]}
        placeholder="Ask for the weather, with a fault, e.g. [fault:malformed]"
      />
      <p className="fault-lab__runs">
        <span id="fault-lab-runs">get_weather runs</span>{" "}
        <output aria-labelledby="fault-lab-runs">{runs}</output>
      </p>
    </div>
  );
}
