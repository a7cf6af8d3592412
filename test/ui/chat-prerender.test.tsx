import { afterEach, describe, expect, it, vi } from "vitest";
import { act } from "@testing-library/react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { useChat } from "../../src/react/index.js";
import { Chat } from "../../src/ui/index.js";

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

function HookPage({ id }: { id?: string }) {
  const chat = useChat({ endpoint: "/api/openai/v1", model: "gpt-4.1-mini", id });
  return <p>{chat.status}</p>;
}

const pages = {
  "<Chat>": ({ id }: { id?: string }) => (
    <Chat endpoint="/api/openai/v1" model="gpt-4.1-mini" chatOptions={{ id }} />
  ),
  "useChat()": ({ id }: { id?: string }) => <HookPage id={id} />,
};

describe.each(Object.entries(pages))("%s rendered ahead of time", (_name, Page) => {
  it("asks for no randomness while rendering (a prerender that forbids it succeeds)", () => {
    const uuid = vi.spyOn(globalThis.crypto, "randomUUID");
    const random = vi.spyOn(Math, "random");
    renderToString(<Page />);
    expect(uuid).not.toHaveBeenCalled();
    expect(random).not.toHaveBeenCalled();
  });

  it("hydrates the server's HTML without a mismatch", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const container = document.createElement("div");
    container.innerHTML = renderToString(<Page />);
    document.body.append(container);
    const recoverable: unknown[] = [];
    const root = await act(async () =>
      hydrateRoot(container, <Page />, { onRecoverableError: (error) => recoverable.push(error) }),
    );
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    await act(async () => root.unmount());
  });

  it("saves nothing in localStorage for an id alone: storage switches persistence on", async () => {
    localStorage.clear();
    localStorage.setItem("colloquy:chat:support", JSON.stringify({ version: 1, messages: [] }));
    const load = vi.spyOn(Storage.prototype, "getItem");
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    await act(async () => root.render(<Page id="support" />));
    await act(async () => root.unmount());
    expect(load).not.toHaveBeenCalled();
    localStorage.clear();
  });
});
