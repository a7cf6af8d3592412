import { useEffect, useRef, type ReactNode } from "react";
import type { PlaygroundTheme } from "./use-theme-preference.js";
import { ColloquyProvider } from "../../src/react/index.js";
import { ThemeRoot } from "../../src/ui/index.js";
import { PLAYGROUND_ENDPOINT, PLAYGROUND_MODEL } from "./connection.js";
import { ChatPage } from "./pages/chat-page.js";
import { ComputerUsePage } from "./pages/computer-use-page.js";
import { FaultLabPage } from "./pages/fault-lab-page.js";
import { ImageGalleryPage } from "./pages/image-gallery-page.js";
import { PromptLabPage } from "./pages/prompt-lab-page.js";
import { WebSearchPage } from "./pages/web-search-page.js";
import { useHashRoute } from "./use-hash-route.js";
import { useThemePreference } from "./use-theme-preference.js";

const PAGES = {
  chat: { title: "Chat", render: (theme) => <ChatPage theme={theme} /> },
  "prompt-lab": { title: "Prompt playground", render: () => <PromptLabPage /> },
  "web-search": { title: "Web search citations", render: () => <WebSearchPage /> },
  images: { title: "Image gallery", render: () => <ImageGalleryPage /> },
  computer: { title: "Computer use", render: () => <ComputerUsePage /> },
  "fault-lab": { title: "Fault lab", render: (theme) => <FaultLabPage theme={theme} /> },
} satisfies Record<string, { title: string; render: (theme: PlaygroundTheme) => ReactNode }>;

type PageName = keyof typeof PAGES;
const PAGE_NAMES = Object.keys(PAGES) as PageName[];

/** The playground: a nav bar, a light/dark toggle, and one page at a time. */
export function App(): ReactNode {
  const page = useHashRoute(PAGE_NAMES, "chat");
  const [theme, setTheme] = useThemePreference();
  const nav = useRef<HTMLElement>(null);
  // On a phone the pages' row scrolls sideways: keep the current page's link in view.
  useEffect(() => {
    nav.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [page]);
  return (
    <ColloquyProvider endpoint={PLAYGROUND_ENDPOINT} model={PLAYGROUND_MODEL} api="responses">
      <ThemeRoot theme={theme} className="playground">
        <header className="playground__header">
          <span className="playground__brand">colloquy</span>
          <nav ref={nav} aria-label="Pages" className="playground__nav">
            {PAGE_NAMES.map((name) => (
              <a
                key={name}
                href={`#/${name}`}
                className="playground__nav-link"
                aria-current={name === page ? "page" : undefined}
              >
                {PAGES[name].title}
              </a>
            ))}
          </nav>
          <button
            type="button"
            className="colloquy-button playground__theme-toggle"
            data-variant="ghost"
            aria-pressed={theme === "dark"}
            onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
          >
            {theme === "dark" ? "Light theme" : "Dark theme"}
          </button>
        </header>
        <main className="playground__main" key={page}>
          <h1 className="playground__title">{PAGES[page].title}</h1>
          {PAGES[page].render(theme)}
        </main>
      </ThemeRoot>
    </ColloquyProvider>
  );
}
