// Streamdown, the streaming markdown component.
import { createRoot } from "react-dom/client";
import { Streamdown } from "streamdown";

createRoot(document.getElementById("root")!).render(
  <Streamdown>{"# hello\n\n| a | b |\n| - | - |\n| 1 | 2 |"}</Streamdown>,
);
