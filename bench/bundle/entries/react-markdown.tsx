// react-markdown with GitHub-flavoured markdown.
import Markdown from "react-markdown";
import { createRoot } from "react-dom/client";
import remarkGfm from "remark-gfm";

createRoot(document.getElementById("root")!).render(
  <Markdown remarkPlugins={[remarkGfm]}>{"# hello\n\n| a | b |\n| - | - |\n| 1 | 2 |"}</Markdown>,
);
