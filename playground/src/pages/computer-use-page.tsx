import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  attachToolRunner,
  type ComputerCallPart,
  type ComputerExecutor,
  type RequestParams,
} from "../../../src/core/index.js";
import { useChat } from "../../../src/react/index.js";
import { ComputerScreenshot, ComputerTimeline } from "../../../src/ui/index.js";
import { ChatPanel } from "../components/chat-panel.js";
import { COMPUTER_USE_MODEL } from "../connection.js";
import { drawFakeScreen, SCREEN } from "./fake-screen.js";

const COMPUTER_TOOL = {
  type: "computer_use_preview",
  display_width: SCREEN.width,
  display_height: SCREEN.height,
  environment: "browser",
} as const;

// computer-use-preview writes at most 1 024 output tokens: asking for more (as the proxy's
// default cap of 16 384 would, for a request that does not say) is refused upstream.
const PARAMS: RequestParams = {
  model: COMPUTER_USE_MODEL,
  truncation: "auto",
  maxTokens: 1024,
};

/**
 * A computer-use loop: the model asks for actions, an app-side executor "performs" them on
 * a drawn screen and returns a screenshot, and the loop goes on until the model answers.
 */
export function ComputerUsePage(): ReactNode {
  const chat = useChat({ requestParams: PARAMS, storage: null });
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const typed = useRef("");
  const steps = useRef(0);

  useEffect(() => {
    const computer: ComputerExecutor = async (action) => {
      steps.current += 1;
      if (action?.type === "type") typed.current += action.text;
      return { imageUrl: drawFakeScreen(action, steps.current, typed.current) };
    };
    const runner = attachToolRunner(chat.store, {
      tools: [],
      builtinTools: [COMPUTER_TOOL],
      computer,
      maxSteps: 8,
    });
    return () => runner.detach();
  }, [chat.store]);

  const calls = useMemo(
    () =>
      chat.messages.flatMap((message) =>
        message.parts.filter((part): part is ComputerCallPart => part.type === "computer-call"),
      ),
    [chat.messages],
  );
  const shown = calls[selected ?? calls.length - 1];

  return (
    <div className="playground__split">
      <ChatPanel
        chat={chat}
        suggestions={["Use the computer to open example.com and type colloquy into the box"]}
        placeholder="Give a task"
      />
      <section className="playground__side" aria-label="Screen">
        <h2>Screen</h2>
        {shown ? (
          <ComputerScreenshot part={shown} screenSize={SCREEN} />
        ) : (
          <p className="playground__muted">The screenshots of each step appear here.</p>
        )}
        <h2>Steps</h2>
        <ComputerTimeline
          parts={calls}
          selectedIndex={selected ?? calls.length - 1}
          onSelect={setSelected}
        />
      </section>
    </div>
  );
}
