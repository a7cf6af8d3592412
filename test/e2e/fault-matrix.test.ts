import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../support/chromium.js";
import {
  errorBanner,
  expectUniqueIds,
  messageText,
  openFaultLab,
  pressRetry,
  sendMessage,
  shownMessages,
  waitForError,
  waitForValue,
  waitUntilIdle,
} from "./support/fault-lab-driver.js";
import {
  buildPlaygroundInto,
  startRestartablePlayground,
  type RestartablePlayground,
} from "./support/restartable-playground.js";

/**
 * The fault matrix in real Chromium: the built playground's fault lab page, the real proxy
 * and the emulator's fault injection. Every cell checks what the user sees: a clear error,
 * their text and the partial answer kept, Retry recovering, and the messages in the DOM
 * (count, order, `data-message-id`) neither duplicated nor lost.
 *
 * Cells run a few at a time, each in its own browser context (offline is per context). The
 * proxy-down row stops the one server every cell uses, so it runs last, on its own.
 */

const SCREENSHOTS = "test-results/screenshots";
const DIST = fileURLToPath(new URL("../../test-results/fault-lab-dist", import.meta.url));

/** One fault: an emulator directive, or an outage the test makes itself. */
interface Fault {
  /** The row's name. */
  name: string;
  /** The emulator's directive (`[fault:<spec>]`), when the emulator injects it. */
  spec?: string;
  /** The directive for the tool loop, where the first answer is a short tool call. */
  toolSpec?: string;
  /** An outage the test causes: the server stopped, or the browser offline. */
  outage?: "proxy" | "offline";
  /** What the error must say. */
  message: RegExp;
  /** True when part of the answer arrives before the fault. */
  partial: boolean;
  /** Client timeout (seconds) the cell needs. */
  timeoutSeconds?: number;
}

const FAULTS: Fault[] = [
  { name: "429 with retry-after", spec: "429", message: /rate limit/i, partial: false },
  { name: "500", spec: "500", message: /500|internal|server error/i, partial: false },
  { name: "503", spec: "503", message: /503|overloaded|unavailable/i, partial: false },
  {
    name: "connection reset mid-stream",
    // Events back to back, then the upstream breaks: the proxy ends the stream with an error
    // event, and everything before it must reach the page.
    spec: "disconnect-after=10",
    // A Chat Completions tool call is whole within 10 chunks, so the loop resets inside it.
    toolSpec: "disconnect-after=3",
    message: /connection|network|reset|closed|terminated/i,
    partial: true,
  },
  {
    // A stall never ends by itself: the client's timeout is what the user relies on.
    name: "stalled stream (3 s client timeout)",
    spec: "stall-after=8",
    // The call's arguments come from the prompt (`{"city":"Paris"}`), so a tool call answer
    // is whole within 8 events and only its continuation would stall. Stall inside the call:
    // Responses after the first arguments delta, Chat Completions after the arguments but
    // before the finish_reason, where the arguments parse yet the answer is unfinished.
    toolSpec: "stall-after=4",
    message: /timeout/i,
    partial: true,
    timeoutSeconds: 3,
  },
  { name: "malformed event", spec: "malformed", message: /not valid JSON/i, partial: true },
  {
    name: "stream cut before its end",
    spec: "cut-after=8",
    // A Chat Completions tool call is whole after 8 chunks (only usage and [DONE] would be
    // cut, and the answer counts as complete), so the loop is cut inside the arguments.
    toolSpec: "cut-after=3",
    message: /ended|cut|before/i,
    partial: true,
  },
  {
    name: "browser offline, then back",
    outage: "offline",
    message: /could not reach|offline/i,
    partial: false,
  },
  { name: "proxy down, then back", outage: "proxy", message: /could not reach/i, partial: false },
];

/** Every row but the proxy going down, which would fail the other cells running beside it. */
const SHARED_FAULTS = FAULTS.filter((fault) => fault.outage !== "proxy");
const PROXY_DOWN = FAULTS.find((fault) => fault.outage === "proxy")!;

const CHAT_SURFACES = [
  { surface: "chat-responses", label: "useChat (Responses API, drop-in <Chat>)" },
  { surface: "chat-completions", label: "useChat (Chat Completions, drop-in <Chat>)" },
];
const TOOL_SURFACES = [
  { surface: "tools-responses", label: "tool loop (useChat + useToolCalls, Responses API)" },
  { surface: "tools-completions", label: "tool loop (useChat + useToolCalls, Chat Completions)" },
];

let playground: RestartablePlayground;
let browser: Browser;
let cellCount = 0;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildPlaygroundInto(DIST);
  playground = await startRestartablePlayground(DIST);
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

/** Runs one cell in a fresh browser context. */
async function inFreshPage(
  cell: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await cell(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Text no other cell sends, so the emulator's once-only directive fires for this cell. */
function uniqueTag(surface: string, fault: Fault): string {
  return `(cell ${++cellCount}: ${surface}, ${fault.name})`;
}

/** Runs `action` during the fault's outage (if it is one), and always ends the outage. */
async function duringOutage(
  fault: Fault,
  context: BrowserContext,
  action: () => Promise<void>,
): Promise<void> {
  if (fault.outage === "proxy") await playground.stop();
  if (fault.outage === "offline") await context.setOffline(true);
  try {
    await action();
  } finally {
    if (fault.outage === "proxy") await playground.restart();
    if (fault.outage === "offline") await context.setOffline(false);
  }
}

/** useChat through the drop-in `<Chat>`: an earlier exchange, the fault, then Retry. */
async function chatCell(surface: string, fault: Fault): Promise<void> {
  await inFreshPage(async (page, context) => {
    await openFaultLab(page, playground.url, surface, fault.timeoutSeconds);
    const tag = uniqueTag(surface, fault);
    const screenshots = surface === "chat-responses" && fault.spec?.startsWith("disconnect");

    // An earlier exchange, whose messages must keep their place and identity throughout.
    await sendMessage(page, `Say hello ${tag}`);
    await waitUntilIdle(page);
    const earlier = await shownMessages(page);
    expect(earlier.map((m) => [m.role, m.state])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
    ]);

    const text = fault.spec
      ? `[fault:${fault.spec}] Tell me a long story about a lighthouse keeper ${tag}`
      : `Are you still there? ${tag}`;
    let error = "";
    await duringOutage(fault, context, async () => {
      await sendMessage(page, text);
      error = await waitForError(page);
      await waitUntilIdle(page);
    });
    expect(error).toMatch(fault.message);
    const failed = await shownMessages(page);
    expect(failed.slice(0, 2)).toEqual(earlier);
    expect(failed[2]!.role).toBe("user");
    expect(await messageText(page, failed[2]!.id)).toBe(text);
    if (fault.partial) {
      expect(failed).toHaveLength(4);
      expect(failed[3]).toMatchObject({ role: "assistant", state: "failed" });
      expect((await messageText(page, failed[3]!.id)).length).toBeGreaterThan(0);
    } else {
      expect(failed).toHaveLength(3);
    }
    if (screenshots) await page.screenshot({ path: `${SCREENSHOTS}/e2e-fault-matrix-error.png` });

    await pressRetry(page);
    await waitForValue(async () => (await shownMessages(page)).at(-1)?.state, "complete");
    await waitUntilIdle(page);
    expect(await errorBanner(page).count()).toBe(0);
    const recovered = await shownMessages(page);
    // The failed answer is replaced, never kept beside its retry.
    expect(recovered).toHaveLength(4);
    expect(recovered.slice(0, 3)).toEqual(failed.slice(0, 3));
    expect(recovered[3]!.role).toBe("assistant");
    expectUniqueIds(recovered);
    expect((await messageText(page, recovered[3]!.id)).length).toBeGreaterThan(0);
    expect(await messageText(page, recovered[2]!.id)).toBe(text);
    if (screenshots) {
      await page.screenshot({ path: `${SCREENSHOTS}/e2e-fault-matrix-recovered.png` });
    }
  });
}

/** useStructuredOutput: an earlier object, the fault on the next prompt, then Retry. */
async function structuredCell(fault: Fault): Promise<void> {
  await inFreshPage(async (page, context) => {
    await openFaultLab(page, playground.url, "structured", fault.timeoutSeconds);
    const tag = uniqueTag("structured", fault);
    const box = page.getByLabel("Prompt");
    const result = page.getByRole("region", { name: "Result" });
    const generate = page.getByRole("button", { name: "Generate" });

    // A first object (this also loads the structured-output code, which is split out).
    await box.fill(`Describe a harbour as a title and tags ${tag}`);
    await generate.click();
    await waitForValue(() => result.getAttribute("data-state"), "success");

    const prompt = fault.spec
      ? `Describe a lighthouse as a title and tags [fault:${fault.spec}] ${tag}`
      : `Describe a lighthouse as a title and tags ${tag}`;
    await box.fill(prompt);
    let error = "";
    await duringOutage(fault, context, async () => {
      await generate.click();
      error = await waitForError(page);
    });
    expect(error).toMatch(fault.message);
    expect(await box.inputValue()).toBe(prompt);
    expect(await result.getAttribute("data-state")).toBe("error");
    // At most the one partial object of this prompt: never the earlier object beside it.
    expect(await result.locator("pre").count()).toBeLessThanOrEqual(1);

    await pressRetry(page);
    await waitForValue(() => result.getAttribute("data-state"), "success");
    expect(await errorBanner(page).count()).toBe(0);
    expect(await box.inputValue()).toBe(prompt);
    const shown = result.locator("pre");
    expect(await shown.count()).toBe(1);
    const value = JSON.parse(await shown.innerText()) as { title: unknown; tags: unknown };
    expect(typeof value.title).toBe("string");
    expect(Array.isArray(value.tags)).toBe(true);
  });
}

/**
 * A client tool loop. A directive fails the first try of each distinct request, so it hits
 * the first request and then the continuation that carries the tool's result; an outage
 * hits the first request.
 */
async function toolLoopCell(surface: string, fault: Fault): Promise<void> {
  await inFreshPage(async (page, context) => {
    await openFaultLab(page, playground.url, surface, fault.timeoutSeconds);
    const toolRuns = () => page.getByRole("status", { name: "get_weather runs" }).innerText();
    const tag = uniqueTag(surface, fault);
    const spec = fault.toolSpec ?? fault.spec;
    const text = spec
      ? `[fault:${spec}] What is the weather in Paris? Use the tool. ${tag}`
      : `What is the weather in Paris? Use the tool. ${tag}`;

    let error = "";
    await duringOutage(fault, context, async () => {
      await sendMessage(page, text);
      error = await waitForError(page);
      await waitUntilIdle(page);
    });
    expect(error).toMatch(fault.message);
    const first = await shownMessages(page);
    expect(first[0]!.role).toBe("user");
    expect(await messageText(page, first[0]!.id)).toBe(text);
    // A call in an answer that failed is not run: retrying asks again.
    expect(await toolRuns()).toBe("0");

    await pressRetry(page);
    if (spec) {
      await waitForValue(toolRuns, "1");
      error = await waitForError(page);
      await waitUntilIdle(page);
      expect(error).toMatch(fault.message);
      const second = await shownMessages(page);
      expect(second[0]!.id).toBe(first[0]!.id);
      expect(second[1]).toMatchObject({ role: "assistant", state: "complete" });
      await pressRetry(page);
      // Retry goes on from the tool's result: the step with the call keeps its identity.
      await waitForValue(async () => (await shownMessages(page)).at(-1)?.state, "complete");
      expect((await shownMessages(page))[1]!.id).toBe(second[1]!.id);
    }
    await waitForValue(async () => (await shownMessages(page)).at(-1)?.state, "complete");
    await waitUntilIdle(page);
    await waitForValue(() => errorBanner(page).count(), 0);
    const done = await shownMessages(page);
    expect(done.map((m) => [m.role, m.state])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
      ["assistant", "complete"],
    ]);
    expect(done[0]!.id).toBe(first[0]!.id);
    expectUniqueIds(done);
    expect(await toolRuns()).toBe("1");
    expect(await messageText(page, done[0]!.id)).toBe(text);
  });
}

describe.concurrent.each(CHAT_SURFACES)("$label", ({ surface }) => {
  it.each(SHARED_FAULTS)("$name: a clear error, nothing lost, Retry recovers", (fault) =>
    chatCell(surface, fault),
  );
});

describe.concurrent("useStructuredOutput (streamed, Responses API)", () => {
  it.each(SHARED_FAULTS)(
    "$name: a clear error, prompt and partial kept, Retry validates",
    (fault) => structuredCell(fault),
  );

  it("offline on first use: the split-out structured code fails to load, Retry loads it", () =>
    inFreshPage(async (page, context) => {
      await openFaultLab(page, playground.url, "structured");
      const prompt = "Describe a lighthouse as a title and tags (first use offline)";
      await page.getByLabel("Prompt").fill(prompt);
      await context.setOffline(true);
      try {
        await page.getByRole("button", { name: "Generate" }).click();
        expect(await waitForError(page)).toMatch(/could not (load|reach)/i);
      } finally {
        await context.setOffline(false);
      }
      await pressRetry(page);
      const result = page.getByRole("region", { name: "Result" });
      await waitForValue(() => result.getAttribute("data-state"), "success");
      expect(await page.getByLabel("Prompt").inputValue()).toBe(prompt);
    }));
});

describe.concurrent.each(TOOL_SURFACES)("$label", ({ surface }) => {
  it.each(SHARED_FAULTS)(
    "$name: each failed step says so, Retry goes on, the tool runs once",
    (fault) => toolLoopCell(surface, fault),
  );
});

// Alone: stopping the server would fail every other cell running at the time.
describe("proxy down, then back on the same port", () => {
  it("useChat, Responses API", () => chatCell("chat-responses", PROXY_DOWN));
  it("useChat, Chat Completions", () => chatCell("chat-completions", PROXY_DOWN));
  it("useStructuredOutput", () => structuredCell(PROXY_DOWN));
  it("tool loop, Responses API", () => toolLoopCell("tools-responses", PROXY_DOWN));
  it("tool loop, Chat Completions", () => toolLoopCell("tools-completions", PROXY_DOWN));
});

/** The text parts of a saved message, joined: the raw text the page accumulated. */
function savedAnswer(
  page: Page,
): Promise<{ responseId?: string; text: string; count: number; status?: string }> {
  return page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem("colloquy:chat:fault-lab-saved") ?? "null") as {
      messages: {
        role: string;
        status: string;
        parts: { type: string; text?: string }[];
        metadata: { responseId?: string };
      }[];
    } | null;
    const messages = saved?.messages ?? [];
    const answer = messages.at(-1);
    return {
      count: messages.length,
      ...(answer ? { status: answer.status } : {}),
      text: (answer?.parts ?? [])
        .filter((part) => part.type === "text")
        .map((part) => part.text ?? "")
        .join(""),
      ...(answer?.metadata.responseId ? { responseId: answer.metadata.responseId } : {}),
    };
  });
}

/**
 * The text of a stored response as the server holds it, asked with the page's cookies: the
 * proxy answers only the session that created the response (anyone else gets 404).
 */
async function storedText(page: Page, id: string): Promise<string> {
  const url = new URL(`api/openai/v1/responses/${id}`, playground.url).href;
  const response = await page.context().request.get(url);
  const text = await response.text();
  if (!response.ok() || !text.startsWith("{")) {
    throw new Error(`GET ${url} answered ${response.status()}: ${text.slice(0, 200)}`);
  }
  const body = JSON.parse(text) as {
    status: string;
    output: { type: string; content?: { type: string; text?: string }[] }[];
  };
  expect(body.status).toBe("completed");
  return body.output
    .filter((item) => item.type === "message")
    .flatMap((item) => item.content ?? [])
    .filter((content) => content.type === "output_text")
    .map((content) => content.text ?? "")
    .join("");
}

describe("reload mid-answer (saved conversation, background response)", () => {
  it("comes back whole after each reload and continues the answer without a gap or a repeat", () =>
    inFreshPage(async (page) => {
      await openFaultLab(page, playground.url, "saved-background");
      // Events 25 ms apart: the answer streams for a few seconds, long enough to reload twice.
      await sendMessage(page, "[fault:slow=25] Tell me a story (reload test)");
      for (let reload = 1; reload <= 2; reload++) {
        // Reload once more text has arrived than at the last reload.
        const before = (await savedAnswer(page)).text.length;
        const deadline = Date.now() + 30_000;
        while ((await savedAnswer(page)).text.length <= before + 40) {
          if (Date.now() > deadline) throw new Error("The answer stopped growing before a reload.");
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // A reload in the middle of the answer, not after it.
        expect((await savedAnswer(page)).status).toBe("in-progress");
        await page.reload();
        // The saved surface comes back by itself (the lab keeps its settings for the tab).
        await page.locator("article.colloquy-message[data-message-id]").first().waitFor();
      }
      await waitUntilIdle(page);
      const shown = await shownMessages(page);
      expect(shown.map((m) => [m.role, m.state])).toEqual([
        ["user", "complete"],
        ["assistant", "complete"],
      ]);
      const saved = await savedAnswer(page);
      expect(saved.count).toBe(2);
      expect(saved.responseId).toBeTruthy();
      // The page's text equals the server's: a gap would lose text, a repeat would double it.
      expect(saved.text).toBe(await storedText(page, saved.responseId!));
      expect(saved.text.length).toBeGreaterThan(200);
      await page.screenshot({ path: `${SCREENSHOTS}/fault-lab-reload.png` });
    }));
});
