// Core + the useChat hook, rendering message text without any component of colloquy/ui.
import { createRoot } from "react-dom/client";
import { messageText } from "../../../src/core/index.js";
import { useChat } from "../../../src/react/index.js";

function App() {
  const chat = useChat({ endpoint: "/api/openai/v1" });
  return (
    <div>
      {chat.messages.map((message) => (
        <p key={message.id}>{messageText(message)}</p>
      ))}
      <button onClick={() => void chat.send("hello")}>send</button>
    </div>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
