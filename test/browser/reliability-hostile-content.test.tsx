import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  ComputerCallPart,
  McpListToolsPart,
  Message as MessageModel,
  Part,
} from "../../src/core/index.js";
import { Markdown, Message, Reasoning, preloadPartViews } from "../../src/ui/index.js";
import { mount, type Mounted } from "./component-harness.js";

/**
 * Hostile content in the places a model (or a prompt injection) controls: reasoning text,
 * MCP tool descriptions, computer-use typed text, file names, tool arguments and outputs,
 * rendered through a whole <Message>. Nothing may run, no URL policy may bend, and with
 * external images off an injected image URL must never be requested.
 */

declare global {
  var __colloquyHostile: unknown;
}

const RUN = "window.__colloquyHostile=1";
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}"></svg>`,
  `"><img src=x onerror=${RUN}>`,
  `[click](javascript:${RUN})`,
  `[click](java\tscript:${RUN})`,
  `[click](data:text/html,<script>${RUN}</script>)`,
  `![x](javascript:${RUN})`,
  `<a href="javascript:${RUN}">a</a>`,
  `<iframe srcdoc="<script>${RUN}</script>"></iframe>`,
];

const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html|data:image\/svg)/i;
const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "poster", "data"];

function assertInert(root: HTMLElement): void {
  expect(globalThis.__colloquyHostile).toBeUndefined();
  expect(root.querySelectorAll("script, iframe, object, embed, style, svg[onload]")).toHaveLength(
    0,
  );
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith("on"), `${element.tagName} ${attribute.name}`).toBe(false);
      if (!URL_ATTRIBUTES.includes(attribute.name)) continue;
      // eslint-disable-next-line no-control-regex
      const value = attribute.value.replace(/[\u0000-\u0020]/g, "");
      expect(DANGEROUS_URL.test(value), `${element.tagName} ${attribute.name}="${value}"`).toBe(
        false,
      );
    }
  }
  // Links that leave the page never hand it a window.opener or a referrer.
  for (const link of root.querySelectorAll("a[href]")) {
    expect(link.getAttribute("href")).toMatch(/^(https?:|mailto:|#)/);
    if (link.getAttribute("target") === "_blank") {
      expect(link.getAttribute("rel") ?? "").toMatch(/\bnoopener\b/);
      expect(link.getAttribute("rel") ?? "").toMatch(/\bnoreferrer\b/);
    }
  }
}

function hostileMessage(payload: string): MessageModel {
  const listTools: McpListToolsPart = {
    type: "mcp-list-tools",
    id: "mcpl",
    state: "completed",
    item: {
      id: "mcpl",
      type: "mcp_list_tools",
      server_label: "docs",
      tools: [{ name: "search", description: payload, input_schema: { description: payload } }],
    },
  };
  const computer: ComputerCallPart = {
    type: "computer-call",
    id: "cu",
    state: "completed",
    item: {
      id: "cu",
      type: "computer_call",
      call_id: "c1",
      status: "completed",
      pending_safety_checks: [],
      action: { type: "type", text: payload },
    },
  };
  const parts: Part[] = [
    {
      type: "reasoning",
      id: "rs",
      summary: [{ text: payload }, { text: `**bold** ${payload}` }],
      text: payload,
      state: "done",
    },
    { type: "text", text: `Answer: ${payload}` },
    listTools,
    computer,
    {
      type: "tool-call",
      kind: "function",
      toolCallId: "call_1",
      toolName: "lookup",
      inputText: JSON.stringify({ q: payload }),
      state: "output-available",
      input: { q: payload },
      output: { html: payload, link: `javascript:${RUN}` },
    },
    {
      type: "tool-call",
      kind: "custom",
      toolCallId: "call_2",
      toolName: "raw",
      inputText: payload,
      state: "output-error",
      errorText: payload,
    },
    { type: "file", mediaType: "application/pdf", filename: `${payload}.pdf`, fileId: "file-1" },
  ];
  return { id: "m1", role: "assistant", parts, metadata: {}, status: "complete" };
}

let mounted: Mounted | undefined;

// The tool cards, computer steps and images load on first use; have them in before the first
// mount so every payload is checked inside the real renderers, not their placeholders.
beforeAll(() => preloadPartViews());

beforeEach(() => {
  globalThis.__colloquyHostile = undefined;
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  expect(globalThis.__colloquyHostile).toBeUndefined();
});

describe("hostile content in model-controlled fields", () => {
  it.each(PAYLOADS.map((payload, index) => [index + 1, payload] as const))(
    "payload %i stays inert in reasoning, MCP descriptions, typed text, file names and tool data",
    async (_index, payload) => {
      mounted = await mount(
        <div>
          <Message message={hostileMessage(payload)} />
          <Reasoning
            defaultOpen
            part={{ type: "reasoning", id: "r2", summary: [{ text: payload }], text: payload }}
          />
        </div>,
        "light",
      );
      for (const toggle of mounted.root.querySelectorAll<HTMLElement>("[aria-expanded=false]")) {
        toggle.click();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      assertInert(mounted.root);
    },
  );
});

describe('prompt-injected images under images="click"', () => {
  const injected = () => `${location.origin}/__colloquy-exfil-${crypto.randomUUID()}.png`;
  const requested = (url: string) =>
    performance.getEntriesByType("resource").some((entry) => entry.name === url);

  it("an injected markdown image is shown as a link and never requested", async () => {
    const url = injected();
    const text = `Here is your summary.\n\n![status](${url}?secret=chat-history)\n\nDone.`;
    mounted = await mount(<Markdown text={text} images="click" />, "light");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mounted.root.querySelectorAll("img")).toHaveLength(0);
    const link = mounted.root.querySelector<HTMLAnchorElement>("a[data-state=blocked]");
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(requested(`${url}?secret=chat-history`)).toBe(false);
    assertInert(mounted.root);
  });

  it("the same holds through a whole message", async () => {
    const url = injected();
    const message: MessageModel = {
      id: "m2",
      role: "assistant",
      parts: [{ type: "text", text: `![pixel](${url}) and <img src="${url}">` }],
      metadata: {},
      status: "complete",
    };
    mounted = await mount(<Message message={message} images="click" />, "light");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      [...mounted.root.querySelectorAll("img")].filter((img) => /^https?:/.test(img.src)),
    ).toHaveLength(0);
    expect(requested(url)).toBe(false);
  });

  it("control: with external images on, the image element is there (the check can see it)", async () => {
    const url = injected();
    mounted = await mount(<Markdown text={`![pixel](${url})`} images="allow" />, "light");
    expect(mounted.root.querySelector(`img[src="${url}"]`)).not.toBeNull();
  });
});
