import { describe, expect, it, vi } from "vitest";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import type { Message as MessageModel, Part } from "../../src/core/index.js";
import { Message, preloadPartViews } from "../../src/ui/message/index.js";
import { DeferredPart, PartPlaceholder } from "../../src/ui/message/deferred-part.js";
import { StringsProvider } from "../../src/ui/strings/index.js";
import { lazyView } from "../../src/ui/message/lazy-view.js";

// Module state matters here: the first test sees the renderers not loaded yet, as a page does.

function assistant(parts: Part[], extra: Partial<MessageModel> = {}): MessageModel {
  return { id: "a1", role: "assistant", parts, metadata: {}, status: "complete", ...extra };
}

const image: Part = {
  type: "image",
  origin: "generated",
  state: "generating",
  id: "ig_1",
  item: { size: "1536x1024" },
} as unknown as Part;

const toolCall: Part = {
  type: "tool-call",
  kind: "function",
  toolCallId: "call_1",
  toolName: "get_weather",
  state: "approval-requested",
  inputText: '{"city":"Paris"}',
  input: { city: "Paris" },
};

async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false } },
  });
  return results.violations.map((violation) => violation.id);
}

describe("<Message> parts that load on first use", () => {
  it("draws text at once and the deferred parts when their code has arrived", async () => {
    const onApprove = vi.fn();
    const m = assistant([{ type: "text", text: "Here you go." }, image, toolCall]);
    // Awaited so React keeps retrying the suspended parts after the render (as a page does).
    const { container } = await act(async () =>
      render(<Message message={m} onApproveToolCall={onApprove} />),
    );
    expect(screen.getByText("Here you go.")).toBeTruthy();

    const card = await screen.findByRole("group", { name: "Tool call: get_weather" });
    expect(card.getAttribute("data-state")).toBe("approval-requested");
    expect(await screen.findByRole("img", { name: "Generating image" })).toBeTruthy();
    expect(container.querySelector(".colloquy-part-placeholder")).toBeNull();

    await userEvent.setup().click(screen.getByRole("button", { name: "Approve" }));
    expect(onApprove).toHaveBeenCalledWith(toolCall);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("draws a loaded kind in the first pass from then on", () => {
    render(<Message message={assistant([toolCall])} />);
    expect(screen.getByRole("group", { name: "Tool call: get_weather" })).toBeTruthy();
  });

  it("draws every deferred kind without a placeholder once preloaded", async () => {
    await preloadPartViews();
    const parts: Part[] = [
      { type: "image", origin: "input", url: "https://example.com/cat.png" } as Part,
      {
        type: "web-search-call",
        id: "ws_1",
        state: "completed",
        item: { id: "ws_1", type: "web_search_call", status: "completed" },
      } as Part,
      {
        type: "text",
        text: "Hi",
        logprobs: [{ token: "Hi", logprob: -0.01, bytes: null, topLogprobs: [] }],
      } as Part,
    ];
    const m = assistant(parts, {
      metadata: { usage: { inputTokens: 10, outputTokens: 2, totalTokens: 12 } },
    });
    const { container } = render(<Message message={m} showLogprobs usage="compact" />);
    expect(container.querySelector("[aria-busy=true]")).toBeNull();
    expect(container.querySelector(".colloquy-image-thumbnails")).not.toBeNull();
    expect(container.querySelector(".colloquy-web-search")).not.toBeNull();
    expect(screen.getByRole("group", { name: "Token probabilities" })).toBeTruthy();
    expect(container.querySelector(".colloquy-token-usage")).not.toBeNull();
  });
});

describe("<PartPlaceholder>", () => {
  it("stands in while the code loads, named for what is coming and shaped like it", async () => {
    const Never = lazyView<object>(() => new Promise(() => {}));
    const { container } = await act(async () =>
      render(
        <div>
          <DeferredPart part={image}>
            <Never />
          </DeferredPart>
          <DeferredPart part={toolCall}>
            <Never />
          </DeferredPart>
        </div>,
      ),
    );
    const frame = container.querySelector<HTMLElement>(".colloquy-generated-image__frame");
    expect(frame?.style.getPropertyValue("--colloquy-image-aspect")).toBe("1536 / 1024");
    expect(frame?.closest("[aria-busy=true]")).not.toBeNull();
    const tool = container.querySelector(".colloquy-part-placeholder");
    expect(tool?.getAttribute("aria-busy")).toBe("true");
    expect(tool?.getAttribute("data-part-type")).toBe("tool-call");
    expect(tool?.textContent).toBe("Tool call: get_weather");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("names each kind in the strings in effect", () => {
    const parts = [
      { type: "web-search-call", id: "ws", state: "searching", item: {} },
      { type: "file-search-call", id: "fs", state: "completed", item: {} },
      { type: "computer-call", id: "cu", state: "completed", item: {} },
      { type: "mcp-list-tools", id: "ml", state: "completed", item: { server_label: "docs" } },
      {
        type: "mcp-call",
        id: "mc",
        state: "in-progress",
        item: { server_label: "docs", name: "search" },
      },
    ] as Part[];
    render(
      <StringsProvider strings={{ searching: "Recherche sur le web" }}>
        {parts.map((part) => (
          <PartPlaceholder key={part.type} part={part} />
        ))}
      </StringsProvider>,
    );
    expect(
      [...document.querySelectorAll(".colloquy-part-placeholder")].map((el) => el.textContent),
    ).toEqual([
      "Recherche sur le web",
      "Searched files",
      "Computer action",
      "Tools of docs",
      "search on docs",
    ]);
  });
});

describe("a renderer whose code cannot be loaded", () => {
  it("says so in place of the part and keeps the rest of the message", async () => {
    const Broken = lazyView<object>(() => Promise.reject(new Error("chunk failed")));
    const part: Part = { type: "file", fileId: "file_1" } as Part;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    await act(async () =>
      render(
        <div>
          <p>Still here</p>
          <DeferredPart part={part}>
            <Broken />
          </DeferredPart>
        </div>,
      ),
    );
    expect(
      await screen.findByText("This file could not be shown. Reload the page to try again."),
    ).toBeTruthy();
    expect(screen.getByText("Still here")).toBeTruthy();
    quiet.mockRestore();
  });
});
