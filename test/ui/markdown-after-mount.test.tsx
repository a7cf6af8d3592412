import { describe, expect, it } from "vitest";
import { act, render, screen } from "@testing-library/react";
import type { Message as MessageModel } from "../../src/core/index.js";
import { MessageList } from "../../src/ui/message/index.js";

// Module state matters here: the first render sees the markdown renderer not loaded yet, as a
// page does right after it has loaded.

const answer: MessageModel = {
  id: "a1",
  role: "assistant",
  parts: [{ type: "text", text: "# Paris\n\nThe **capital** of France.\nLine two." }],
  metadata: {},
  status: "complete",
};

describe("<MessageList> before and after the markdown renderer arrives", () => {
  it("shows every word as plain text at once, then the same text as markdown", async () => {
    const first = render(<MessageList messages={[answer]} />);
    const plain = first.container.querySelector('.colloquy-markdown[data-rendering="plain"]');
    // Nothing the model wrote is hidden while the chunk loads, line breaks included.
    expect(plain?.textContent).toBe("# Paris\n\nThe **capital** of France.\nLine two.");
    first.unmount();

    // Awaited so React retries the suspended text once the chunk is in, as a page does.
    const { container } = await act(async () => render(<MessageList messages={[answer]} />));
    expect(await screen.findByRole("heading", { name: "Paris" })).toBeTruthy();
    expect(container.querySelector("strong")?.textContent).toBe("capital");
    expect(container.querySelector('[data-rendering="plain"]')).toBeNull();
  });

  it("draws later lists as markdown in their first render once the renderer is in", () => {
    const { container } = render(<MessageList messages={[answer]} />);
    expect(container.querySelector('[data-rendering="plain"]')).toBeNull();
    expect(container.querySelector("strong")?.textContent).toBe("capital");
  });
});
