// The render bench page: streams a markdown document into one renderer, a chunk per commit.
import DOMPurify from "dompurify";
import { marked } from "marked";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { Streamdown } from "streamdown";
import { Markdown } from "../../src/ui/index.js";

/** What one streamed document cost, chunk by chunk. */
export interface RenderRun {
  /** Milliseconds of each chunk's commit (plus style and layout when asked). */
  chunkMs: number[];
  /** Chunks rendered before the time budget ran out (all of them when it did not). */
  chunksDone: number;
  /** Characters of the final DOM text, to check the renderer showed the document. */
  textLength: number;
}

/** Options of one run, passed from Node. */
export interface RenderRequest {
  contender: string;
  text: string;
  sizes: number[];
  layout: boolean;
  budgetMs: number;
  /** Chunk index at which to call `window.benchProfileStart` (the profile script's hook). */
  profileFrom?: number;
}

type Renderer = (text: string) => void;

function reactRenderer(root: Root, view: (text: string) => React.ReactNode): Renderer {
  return (text) => flushSync(() => root.render(view(text)));
}

const remarkPlugins = [remarkGfm];

function makeRenderer(
  contender: string,
  container: HTMLElement,
): { render: Renderer; done(): void } {
  if (contender === "marked") {
    return {
      render: (text) => {
        container.innerHTML = DOMPurify.sanitize(marked.parse(text, { async: false }));
      },
      done: () => (container.innerHTML = ""),
    };
  }
  const root = createRoot(container);
  const views: Record<string, (text: string) => React.ReactNode> = {
    floor: (text) => <div>{text}</div>,
    colloquy: (text) => <Markdown text={text} streaming />,
    "react-markdown": (text) => <ReactMarkdown remarkPlugins={remarkPlugins}>{text}</ReactMarkdown>,
    streamdown: (text) => <Streamdown>{text}</Streamdown>,
  };
  const view = views[contender];
  if (!view) throw new Error(`Unknown contender ${contender}`);
  return { render: reactRenderer(root, view), done: () => root.unmount() };
}

async function run(request: RenderRequest): Promise<RenderRun> {
  const container = document.createElement("div");
  document.getElementById("root")!.append(container);
  const { render, done } = makeRenderer(request.contender, container);
  const chunkMs: number[] = [];
  let offset = 0;
  const started = performance.now();
  let chunksDone = 0;
  for (const size of request.sizes) {
    if (request.profileFrom && chunksDone === request.profileFrom) await startProfiling();
    offset += size;
    const text = request.text.slice(0, offset);
    const start = performance.now();
    render(text);
    if (request.layout) void container.offsetHeight;
    chunkMs.push(performance.now() - start);
    chunksDone++;
    if (performance.now() - started > request.budgetMs) break;
    // Yield now and then so deferred work and paints get their turn, as in a real stream.
    if (chunksDone % 16 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  const textLength = container.textContent?.length ?? 0;
  done();
  container.remove();
  return { chunkMs, chunksDone, textLength };
}

async function startProfiling(): Promise<void> {
  await (window as unknown as { benchProfileStart(): Promise<void> }).benchProfileStart();
}

Object.assign(window, { benchRender: run, benchReady: true });
