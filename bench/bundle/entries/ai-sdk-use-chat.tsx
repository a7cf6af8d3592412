// The AI SDK's useChat, rendering text parts.
import { useChat } from "@ai-sdk/react";
import { createRoot } from "react-dom/client";

function App() {
  const chat = useChat();
  return (
    <div>
      {chat.messages.map((message) => (
        <p key={message.id}>
          {message.parts.map((part) => (part.type === "text" ? part.text : ""))}
        </p>
      ))}
      <button onClick={() => void chat.sendMessage({ text: "hello" })}>send</button>
    </div>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
