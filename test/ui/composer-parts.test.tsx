import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { Composer } from "../../src/ui/index.js";

describe("Composer parts in a layout of one's own", () => {
  it("sends from a custom layout with the app's own button through asChild", async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(
      <Composer.Root onSend={onSend} aria-label="Ask support" data-testid="form">
        <header>Ask us anything</header>
        <Composer.Input placeholder="Your question" />
        <Composer.Send asChild>
          <button className="app-button">Ask</button>
        </Composer.Send>
      </Composer.Root>,
    );
    const send = screen.getByRole("button", { name: "Ask" });
    expect(send.className).toContain("app-button");
    expect(send.className).toContain("colloquy-composer__send");
    expect(send).toHaveProperty("disabled", true);
    await user.type(screen.getByPlaceholderText("Your question"), "Where is my order?");
    await user.click(send);
    expect(onSend).toHaveBeenCalledWith({ text: "Where is my order?", files: [] });
    expect(screen.getByTestId("form").getAttribute("aria-label")).toBe("Ask support");
  });

  it("hands the form and the text box to the app's refs", () => {
    const form = createRef<HTMLFormElement>();
    const input = createRef<HTMLTextAreaElement>();
    render(<Composer onSend={() => {}} ref={form} inputRef={input} />);
    expect(form.current?.tagName).toBe("FORM");
    expect(input.current).toBe(screen.getByRole("textbox", { name: "Message" }));
  });

  it("runs the app's handler first and skips its own when the app prevents it", async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(
      <Composer.Root onSend={onSend}>
        <Composer.Input
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
        />
      </Composer.Root>,
    );
    await user.type(screen.getByRole("textbox"), "held{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("shows Stop while streaming and calls onStop from the app's own stop button", async () => {
    const onStop = vi.fn();
    const user = userEvent.setup();
    render(
      <Composer.Root onSend={() => {}} onStop={onStop} status="streaming">
        <Composer.Input />
        <Composer.Action />
      </Composer.Root>,
    );
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Stop" }));
    expect(onStop).toHaveBeenCalledOnce();
  });

  it("says where a part belongs when it is used outside Composer.Root", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<Composer.Send />)).toThrow(/inside <Composer.Root>/);
    vi.restoreAllMocks();
  });
});
