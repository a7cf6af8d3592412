import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { captureExchanges, capturesAvailable } from "../support/captures.js";
import { recordedResponsesEvents } from "../support/recorded-events.js";
import { messageFromResponse } from "../../src/core/convert/message-from-response.js";
import type { Annotation, Message, TextPart } from "../../src/core/index.js";
import { numberCitations } from "../../src/ui/citations/number-citations.js";
import { FileConnectionProvider } from "../../src/ui/citations/file-connection.js";
import { Markdown } from "../../src/ui/markdown/markdown.js";
import { Chat } from "../../src/ui/chat/chat.js";
import { preloadPartViews } from "../../src/ui/message/deferred-part-views.js";

// The chip is part of the citation code, which loads on first use; here it is in already.
beforeAll(() => preloadPartViews());

afterEach(() => vi.restoreAllMocks());

const link = "[Download the plot](sandbox:/mnt/data/plot.png)";
const text = `Here is the sine.\n\n${link}`;
const cited: Annotation = {
  type: "container_file_citation",
  containerId: "cntr_1",
  fileId: "cfile_1",
  filename: "plot.png",
  startIndex: text.indexOf(link),
  endIndex: text.length,
};

/** Captures what the chip downloads: the object URL's blob and the saved file's name. */
function captureSaves() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}

describe("a container file citation with its sandbox: link", () => {
  it("becomes a chip with the file's name and a labelled download button, not a dead link", async () => {
    const { container } = render(<Markdown text={text} annotations={[cited]} />);
    const button = await screen.findByRole("button", { name: "Download plot.png" });
    expect(container.querySelector(".colloquy-file-chip__name")!.textContent).toBe("plot.png");
    expect(container.textContent).not.toContain("sandbox:");
    expect(container.textContent).not.toContain("Download the plot");
    expect(container.querySelector("a")).toBeNull();
    expect(button.tagName).toBe("BUTTON");
  });

  it("downloads the bytes from {endpoint}/containers/{id}/files/{file_id}/content and saves them under the filename", async () => {
    const saved = captureSaves();
    const fetch = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "image/png" } }),
    );
    render(
      <FileConnectionProvider
        value={{ baseURL: "/chat-api/v1/", headers: { authorization: "Bearer me" }, fetch }}
      >
        <Markdown text={text} annotations={[cited]} />
      </FileConnectionProvider>,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Download plot.png" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe("/chat-api/v1/containers/cntr_1/files/cfile_1/content");
    expect(fetch.mock.calls[0]![1]).toMatchObject({ headers: { authorization: "Bearer me" } });
    expect(saved[0]!.name).toBe("plot.png");
    expect([...new Uint8Array(await saved[0]!.blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it("says why when the file is gone (404) or forbidden (403), in an alert", async () => {
    captureSaves();
    let status = 404;
    const fetch = vi.fn(async () => new Response("{}", { status }));
    render(
      <FileConnectionProvider value={{ baseURL: "/api/openai/v1", fetch }}>
        <Markdown text={text} annotations={[cited]} />
      </FileConnectionProvider>,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Download plot.png" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /plot\.png is no longer available/,
    );
    status = 403;
    fireEvent.click(screen.getByRole("button", { name: "Download plot.png" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(/not allowed to download plot\.png/),
    );
  });
});

describe("<Chat>'s file chips", () => {
  it("download through the chat's endpoint, headers and fetch", async () => {
    const saved = captureSaves();
    const fetch = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) => new Response("a,b"),
    );
    const answer: Message = {
      id: "msg_1",
      role: "assistant",
      status: "complete",
      parts: [{ type: "text", text, annotations: [cited] }],
      metadata: {},
    };
    render(
      <Chat
        endpoint="https://chat.example/api/v1"
        chatOptions={{
          fetch,
          headers: { "x-app-user": "u1" },
          storage: null,
          initialMessages: [answer],
        }}
      />,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Download plot.png" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(fetch.mock.calls[0]![0]).toBe(
      "https://chat.example/api/v1/containers/cntr_1/files/cfile_1/content",
    );
    expect(fetch.mock.calls[0]![1]).toMatchObject({ headers: { "x-app-user": "u1" } });
    expect(saved[0]!.name).toBe("plot.png");
  });
});

describe("a sandbox: link no citation points at", () => {
  it("is plain text: no link, no chip, no 'link removed'", () => {
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector("a")).toBeNull();
    expect(container.querySelector(".colloquy-file-chip")).toBeNull();
    const span = container.querySelector(".colloquy-markdown__sandbox-link")!;
    expect(span.textContent).toBe("Download the plot");
    expect(container.textContent).not.toContain("link removed");
    expect(container.querySelector(".colloquy-markdown__blocked-link")).toBeNull();
  });
});

describe.skipIf(!capturesAvailable())("the recorded code interpreter answer", () => {
  it("shows the cited file as a chip where the model's sandbox: link was", async () => {
    const exchange = captureExchanges(
      "responses",
      "code-interpreter-container-file-citation.json",
    )[0]!;
    const message = messageFromResponse(exchange.json as Record<string, unknown>).value;
    const part = message.parts.find((p): p is TextPart => p.type === "text")!;
    const { container } = render(<Markdown text={part.text} annotations={part.annotations} />);
    await screen.findByRole("button", { name: "Download two_dice_sums_10000.txt" });
    expect(container.querySelectorAll(".colloquy-file-chip")).toHaveLength(1);
    // A file the model wrote is no source of its answer: it is not listed among them.
    expect(numberCitations(part.annotations, part.text).sources).toEqual([]);
    expect(container.textContent).not.toContain("sandbox:");
    expect(container.textContent).toContain("You can download it here:");
    expect(container.textContent).toContain("The file contains 10,000 lines");
  });

  it("gives a 0..0 citation of the tool's image output no chip, and the cited chart its chip in its link's place", async () => {
    const events = recordedResponsesEvents("code-interpreter-image-output-stream.cassette.yaml");
    const completed = events.find((event) => event.type === "response.completed") as unknown as {
      response: Record<string, unknown>;
    };
    const message = messageFromResponse(completed.response).value;
    const part = message.parts.find((p): p is TextPart => p.type === "text")!;
    expect(part.annotations).toHaveLength(2);
    const { container } = render(<Markdown text={part.text} annotations={part.annotations} />);
    await screen.findByRole("button", { name: "Download y_eq_x_squared_plot.png" });
    expect(container.querySelectorAll(".colloquy-file-chip")).toHaveLength(1);
    expect(container.textContent!.startsWith("Here’s the chart")).toBe(true);
    expect(container.textContent).not.toContain("sandbox:");
  });
});
