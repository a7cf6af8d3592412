import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createEmulatorHandler } from "../../src/testing/index.js";
import { APIError, ColloquyError, createChatClient } from "../../src/core/index.js";
import { errorHeadline } from "../../src/ui/chat/chat-error-banner.js";
import { Chat, defaultStrings } from "../../src/ui/index.js";

function emulatorFetch(): typeof fetch {
  const handler = createEmulatorHandler();
  return (input, init) => handler(new Request(new URL(String(input), "http://127.0.0.1/"), init));
}

async function failWith(directive: string): Promise<HTMLElement> {
  const user = userEvent.setup();
  render(
    <Chat
      endpoint="http://127.0.0.1/v1"
      model="gpt-4.1-mini"
      api="responses"
      placeholder="Ask anything"
      chatOptions={{
        // No retries: a retried 429 recovers before the banner shows.
        client: createChatClient({
          baseURL: "http://127.0.0.1/v1",
          api: "responses",
          model: "gpt-4.1-mini",
          fetch: emulatorFetch(),
          maxRetries: 0,
        }),
        storage: null,
        notify: "sync",
      }}
    />,
  );
  await user.type(screen.getByPlaceholderText("Ask anything"), `Hi ${directive}{Enter}`);
  return screen.findByRole("alert", {}, { timeout: 10_000 });
}

describe("<Chat> error banner", () => {
  it("says a cut stream in a user's words and keeps the resume detail behind Details", async () => {
    const alert = await failWith("[[fault:cut-after=8]");
    const headline = alert.querySelector(".colloquy-chat__error-headline")!;
    expect(headline.textContent).toBe("The answer was interrupted before it finished.");
    expect(headline.textContent).not.toMatch(/starting_after|sequence/);
    const details = alert.querySelector("details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent).toBe("Details");
    expect(details.querySelector("p")!.textContent).toMatch(/ended before/);
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("keeps the emulator's fault header out of the headline of an HTTP error", async () => {
    const alert = await failWith("[[fault:429]");
    const headline = alert.querySelector(".colloquy-chat__error-headline")!;
    expect(headline.textContent).toBe(defaultStrings.errorRateLimited);
    expect(alert.querySelector("details p")!.textContent).toMatch(/x-colloquy-fault/);
  });

  it("names each kind of failure from its code or HTTP status", () => {
    const api = (status: number) => new APIError(status, "upstream said no", {});
    expect(errorHeadline(api(500), defaultStrings)).toBe(defaultStrings.errorService);
    expect(errorHeadline(api(401), defaultStrings)).toBe(defaultStrings.errorNotAllowed);
    expect(errorHeadline(api(400), defaultStrings)).toBe(defaultStrings.errorRejected);
    expect(errorHeadline(new ColloquyError("timeout", "t"), defaultStrings)).toBe(
      defaultStrings.errorTimeout,
    );
    expect(errorHeadline(new ColloquyError("connection_error", "c"), defaultStrings)).toBe(
      defaultStrings.errorConnection,
    );
    expect(errorHeadline(new Error("odd"), defaultStrings)).toBe(defaultStrings.errorGeneric);
  });
});
