// Core + the useChat hook, rendering message text without any component of colloquy/ui.
import { createRoot } from "react-dom/client";
import { messageText } from "colloquy";
import { useChat } from "colloquy/react";

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
