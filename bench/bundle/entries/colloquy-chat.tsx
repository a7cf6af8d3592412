// The drop-in <Chat> component, which renders answers as streaming markdown.
import { createRoot } from "react-dom/client";
import { Chat } from "colloquy/ui";

createRoot(document.getElementById("root")!).render(<Chat endpoint="/api/openai/v1" />);
