import type { Browser, Page } from "playwright-core";

/**
 * Opens a page, runs `act` on it, and fails if the page logged any console error or warning
 * (hydration mismatches among them), threw an uncaught error, or got a response of 400 or more
 * (a 403 from the proxy first of all). When `act` itself fails, those problems are added to
 * its error, since they usually say why. The page's last state is saved to `screenshot` (a
 * PNG path) either way, to look at.
 */
export async function onWatchedPage(
  browser: Browser,
  screenshot: string,
  act: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(
        `HTTP ${response.status()} from ${response.request().method()} ${response.url()}`,
      );
    }
  });
  try {
    await act(page);
  } catch (error) {
    if (problems.length === 0) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nThe page also reported:\n${problems.join("\n")}`, {
      cause: error,
    });
  } finally {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    await page.close();
  }
  if (problems.length > 0) {
    throw new Error(`The page reported problems:\n${problems.join("\n")}`);
  }
}
