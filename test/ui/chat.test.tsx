import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { Chat } from "../../src/ui/index.js";

function emulatorFetch(): typeof fetch {
  const handler = createEmulatorHandler();
  return (input, init) => handler(new Request(new URL(String(input), "http://127.0.0.1/"), init));
}

describe("<Chat>", () => {
  it("sends what is typed and shows the streamed answer", async () => {
    const user = userEvent.setup();
    render(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api="responses"
        theme="dark"
        placeholder="Ask anything"
        chatOptions={{ fetch: emulatorFetch(), storage: null, notify: "sync" }}
      />,
    );
    const root = document.querySelector(".colloquy-chat")!;
    expect(root.getAttribute("data-theme")).toBe("dark");
    const input = screen.getByPlaceholderText("Ask anything");
    await user.type(input, "Hello there{Enter}");
    await waitFor(() => expect(screen.getByText("Hello there")).toBeTruthy());
    await waitFor(() =>
      expect(
        root.querySelector('.colloquy-message[data-role="assistant"]')?.getAttribute("data-state"),
      ).toBe("complete"),
    );
    const answer = root.querySelector(
      '.colloquy-message[data-role="assistant"] .colloquy-message__body',
    )!;
    expect(answer.textContent!.trim().length).toBeGreaterThan(0);
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "Send" }) as HTMLButtonElement).disabled).toBe(
        true,
      ),
    );
  });

  it("takes wording overrides", () => {
    render(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        strings={{ composerLabel: "Nachricht", send: "Senden" }}
        chatOptions={{ fetch: emulatorFetch(), storage: null }}
      />,
    );
    expect(screen.getByRole("textbox", { name: "Nachricht" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Senden" })).toBeTruthy();
  });
  it("says what failed once, in the banner with Retry, and keeps the partial answer", async () => {
    const user = userEvent.setup();
    render(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        api="responses"
        placeholder="Ask anything"
        chatOptions={{ fetch: emulatorFetch(), storage: null, notify: "sync" }}
      />,
    );
    await user.type(screen.getByPlaceholderText("Ask anything"), "Hi [[fault:cut-after=8]{Enter}");
    const alerts = await screen.findAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.textContent).toMatch(/ended before/);
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
    const answer = document.querySelector('.colloquy-message[data-role="assistant"]')!;
    expect(answer.getAttribute("data-state")).toBe("failed");
    expect(answer.querySelector(".colloquy-message__body")!.textContent!.length).toBeGreaterThan(0);
  });

  it("refuses a photo past the proxy's default body limit in the composer, naming the limit", async () => {
    const user = userEvent.setup();
    render(
      <Chat
        endpoint="http://127.0.0.1/v1"
        model="gpt-4.1-mini"
        chatOptions={{ fetch: emulatorFetch(), storage: null, notify: "sync" }}
      />,
    );
    const picker = document.querySelector('input[type="file"]') as HTMLInputElement;
    const big = new File([new Uint8Array(6 * 1024 * 1024)], "photo.jpg", { type: "image/jpeg" });
    await user.upload(picker, big);
    expect(screen.getByRole("alert").textContent).toBe(
      "photo.jpg is too large: the limit is 5 MB.",
    );
  });
});
