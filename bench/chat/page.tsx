// The chat bench page: one long answer streamed into a conversation of earlier messages,
// through colloquy's useChat + <MessageList>, or the AI SDK's useChat rendering text parts.
import { useChat as useAiSdkChat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { memo, Profiler, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { createTextMessage, type Message } from "../../src/core/index.js";
import { useChat } from "../../src/react/index.js";
import { MessageList, type PartRenderers } from "../../src/ui/index.js";

/** Options of one run, passed from Node. */
export interface ChatRequest {
  contender: "colloquy" | "ai-sdk";
  /** Earlier messages' texts, oldest first (user and assistant alternating). */
  history: string[];
  /** The SSE body the fetch returns, as events (delivered a few per macrotask). */
  events: string[];
  /** Events per delivered slice. */
  eventsPerSlice: number;
  /** The answer's final text, to know when it is all on screen. */
  answer: string;
}

/** What one run counted. */
export interface ChatRun {
  commits: number;
  finishedMessageRenders: number;
  frames: number;
  /**
   * The most commits between two animation frames, once the first frame has come (before
   * it: the mount and the send, in one task).
   */
  mostCommitsInAFrame: number;
  /** How many frames, from the first on, had more than one commit. */
  framesWithMoreThanOneCommit: number;
  ms: number;
  answerShown: boolean;
}

function streamingFetch(events: string[], perSlice: number, headers: Record<string, string>) {
  return async (): Promise<Response> => {
    const encoder = new TextEncoder();
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (index >= events.length) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, 0));
        controller.enqueue(encoder.encode(events.slice(index, index + perSlice).join("")));
        index += perSlice;
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream", ...headers } });
  };
}

/** `frames`: animation frames so far in this run. */
const counters = { commits: 0, finishedRenders: 0, streamingId: "", frames: 0 };
/** Commits per animation frame, by the index of the frame they came after. */
let commitsByFrame: number[] = [];
const onRender = () => {
  counters.commits++;
  commitsByFrame[counters.frames] = (commitsByFrame[counters.frames] ?? 0) + 1;
};

function ColloquyApp({ request, onDone }: { request: ChatRequest; onDone(): void }) {
  const initialMessages: Message[] = request.history.map((text, index) =>
    createTextMessage(index % 2 === 0 ? "user" : "assistant", text, `m${index}`),
  );
  const chat = useChat({
    endpoint: "http://127.0.0.1:9/v1",
    api: "responses",
    model: "gpt-4.1-mini",
    initialMessages,
    fetch: streamingFetch(request.events, request.eventsPerSlice, {}),
  });
  useEffect(() => {
    // The history's first render is the mount, not per-delta work.
    counters.finishedRenders = 0;
    void chat.send("go on");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const last = chat.messages.at(-1);
  useEffect(() => {
    if (chat.status === "ready" && last?.role === "assistant" && last.id.startsWith("m") === false)
      onDone();
  }, [chat.status, last, onDone]);
  if (chat.error) console.error(`colloquy chat error: ${String(chat.error.message)}`);
  return <MessageList messages={chat.messages} renderers={colloquyRenderers} />;
}

const colloquyRenderers: PartRenderers = {
  text: (_part, context) => {
    if (/^m\d+$/.test(context.message.id)) counters.finishedRenders++;
    return undefined;
  },
};

const AiSdkMessage = memo(function AiSdkMessage({ message }: { message: UIMessage }) {
  if (/^m\d+$/.test(message.id)) counters.finishedRenders++;
  return (
    <div className="message" data-role={message.role}>
      {message.parts.map((part, index) =>
        part.type === "text" ? <p key={index}>{part.text}</p> : null,
      )}
    </div>
  );
});

function AiSdkApp({ request, onDone }: { request: ChatRequest; onDone(): void }) {
  const chat = useAiSdkChat({
    messages: request.history.map((text, index) => ({
      id: `m${index}`,
      role: index % 2 === 0 ? "user" : "assistant",
      parts: [{ type: "text", text }],
    })),
    transport: new DefaultChatTransport({
      api: "/api/chat",
      fetch: streamingFetch(request.events, request.eventsPerSlice, {
        "x-vercel-ai-ui-message-stream": "v1",
      }),
    }),
  });
  useEffect(() => {
    counters.finishedRenders = 0;
    void chat.sendMessage({ text: "go on" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const last = chat.messages.at(-1);
  useEffect(() => {
    if (chat.status === "ready" && last?.role === "assistant" && !/^m\d+$/.test(last.id)) onDone();
  }, [chat.status, last, onDone]);
  return (
    <div>
      {chat.messages.map((message) => (
        <AiSdkMessage key={message.id} message={message} />
      ))}
    </div>
  );
}

async function run(request: ChatRequest): Promise<ChatRun> {
  counters.commits = 0;
  counters.finishedRenders = 0;
  counters.frames = 0;
  commitsByFrame = [];
  const container = document.createElement("div");
  document.getElementById("root")!.append(container);
  const root = createRoot(container);
  let counting = true;
  const countFrame = () => {
    counters.frames++;
    if (counting) requestAnimationFrame(countFrame);
  };
  requestAnimationFrame(countFrame);
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const App = request.contender === "colloquy" ? ColloquyApp : AiSdkApp;
    root.render(
      <Profiler id="chat" onRender={onRender}>
        <App request={request} onDone={resolve} />
      </Profiler>,
    );
  });
  const ms = performance.now() - start;
  counting = false;
  const answerShown = (container.textContent ?? "").includes(request.answer.slice(-200));
  const afterFirstFrame = Array.from(commitsByFrame.slice(1), (count) => count ?? 0);
  const result = {
    commits: counters.commits,
    mostCommitsInAFrame: Math.max(0, ...afterFirstFrame),
    framesWithMoreThanOneCommit: afterFirstFrame.filter((count) => count > 1).length,
    finishedMessageRenders: counters.finishedRenders,
    frames: counters.frames,
    ms,
    answerShown,
  };
  root.unmount();
  container.remove();
  return result;
}

Object.assign(window, { benchChat: run, benchReady: true });
