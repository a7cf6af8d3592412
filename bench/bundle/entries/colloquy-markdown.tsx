// colloquy's <Markdown> alone, to compare with the other markdown renderers.
import { createRoot } from "react-dom/client";
import { Markdown } from "colloquy/ui";

createRoot(document.getElementById("root")!).render(
  <Markdown text={"# hello\n\n| a | b |\n| - | - |\n| 1 | 2 |"} />,
);
