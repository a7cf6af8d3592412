import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { chromiumLaunchOptions } from "../../test/support/chromium.js";
import type { PageBundle } from "./build-page.js";

/** A Chromium page running a bench bundle, with a DevTools session for main-thread metrics. */
export interface BenchPage {
  /** The page. */
  page: Page;
  /** Chromium's version string. */
  version: string;
  /** Main-thread task time so far, in ms (DevTools `Performance.getMetrics` TaskDuration). */
  taskMs(): Promise<number>;
  /** Closes the browser. */
  close(): Promise<void>;
}

/** Launches Chromium, loads the bundle into a blank page and waits for `window.benchReady`. */
export async function openPage(bundle: PageBundle): Promise<BenchPage> {
  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  // A loopback origin is a secure context (crypto.randomUUID and friends), unlike about:blank.
  const origin = "http://127.0.0.1:9/";
  await page.route(origin, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><html><body><div id="root"></div></body></html>',
    }),
  );
  await page.goto(origin);
  if (bundle.css) await page.addStyleTag({ content: bundle.css });
  await page.addScriptTag({ content: bundle.js, type: "module" });
  await page.waitForFunction(() => (window as { benchReady?: boolean }).benchReady === true);
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send("Performance.enable");
  return {
    page,
    version: browser.version(),
    async taskMs() {
      const { metrics } = await session.send("Performance.getMetrics");
      return (metrics.find((metric) => metric.name === "TaskDuration")?.value ?? 0) * 1000;
    },
    close: () => browser.close(),
  };
}
