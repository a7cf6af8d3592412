import { describe, expect, it, vi } from "vitest";
import { act, render } from "@testing-library/react";
import type { Message as MessageModel } from "../../src/core/index.js";
import { MessageList } from "../../src/ui/message/index.js";

// The markdown renderer's chunk cannot be fetched (a deploy replaced it, the network dropped).
vi.mock("../../src/ui/citations/text-with-citations.js", () => {
  throw new Error("Failed to fetch dynamically imported module");
});

describe("text whose markdown renderer cannot be loaded", () => {
  it("keeps showing the whole answer as plain text instead of an error", async () => {
    // React reports the error its boundary caught; the page shows the text, not the log.
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const message: MessageModel = {
      id: "a1",
      role: "assistant",
      parts: [{ type: "text", text: "The **capital** of France is Paris." }],
      metadata: {},
      status: "complete",
    };
    // Awaited, so React settles the failed load (as a page does) before the text is read.
    const { container } = await act(async () => render(<MessageList messages={[message]} />));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const plain = container.querySelector('.colloquy-markdown[data-rendering="plain"]');
    expect(plain?.textContent).toBe("The **capital** of France is Paris.");
    expect(container.textContent).not.toMatch(/could not be shown/i);
    logged.mockRestore();
  });
});
