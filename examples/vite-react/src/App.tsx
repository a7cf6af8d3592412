import { useEffect, useState } from "react";
import { useChat } from "colloquy/react";
import { Chat, Composer, MessageList } from "colloquy/ui";
import "./App.css";

const ENDPOINT = "/api/openai/v1";
const MODEL = "gpt-4.1-mini";

/** The drop-in: one component, the whole chat. */
function DropIn() {
  return <Chat className="chat" endpoint={ENDPOINT} model={MODEL} />;
}

/** The same conversation built from the hook and two of the kit's components. */
function Custom() {
  const chat = useChat({ endpoint: ENDPOINT, model: MODEL });
  return (
    <div className="chat custom">
      <MessageList messages={chat.messages} />
      <Composer status={chat.status} onSend={chat.send} onStop={chat.stop} />
    </div>
  );
}

function useHashRoute(): string {
  const [route, setRoute] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setRoute(window.location.hash);
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route === "#/custom" ? "custom" : "chat";
}

export default function App() {
  const route = useHashRoute();
  return (
    <>
      <h1>colloquy + Vite</h1>
      <nav>
        <a href="#/chat" aria-current={route === "chat" ? "page" : undefined}>
          &lt;Chat&gt;
        </a>
        <a href="#/custom" aria-current={route === "custom" ? "page" : undefined}>
          useChat + MessageList + Composer
        </a>
      </nav>
      {route === "custom" ? <Custom /> : <DropIn />}
    </>
  );
}
