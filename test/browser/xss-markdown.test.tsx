import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Annotation, TextPart } from "../../src/core/index.js";
import { Markdown, Sources, TextWithCitations } from "../../src/ui/index.js";
import { mount, type Mounted } from "./component-harness.js";

declare global {
  interface Window {
    __xssTrap?: number;
  }
}

const RUN = "window.__xssTrap=1";

/** Markdown text payloads: raw HTML, markdown links and images with dangerous targets. */
const textPayloads: string[] = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}"></svg>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<a href="javascript:${RUN}">click</a>`,
  `<div onmouseover="${RUN}">hover</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  `<object data="data:text/html,<script>${RUN}</script>"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<form action="javascript:${RUN}"><button>go</button></form>`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<details open ontoggle="${RUN}">x</details>`,
  `Inline <img src=x onerror=${RUN}> html in a paragraph`,
  `[click](javascript:${RUN})`,
  `[click](JaVaScRiPt:${RUN})`,
  `[click](&#106;avascript:${RUN})`,
  `[click](&#x6A;&#x61;vascript:${RUN})`,
  `[click](javascript&colon;${RUN})`,
  `[click](java\tscript:${RUN})`,
  `[click](<java script:${RUN}>)`,
  `[click](vbscript:msgbox(1))`,
  `[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3NUcmFwPTE8L3NjcmlwdD4=)`,
  `[click](data:text/html,<script>${RUN}</script>)`,
  `[click][ref]\n\n[ref]: javascript:${RUN}`,
  `<javascript:${RUN}>`,
  `![img](javascript:${RUN})`,
  `![img](data:text/html,<script>${RUN}</script>)`,
  `![img](data:image/svg+xml,<svg onload="${RUN}"/>) and ![x](x" onerror="${RUN})`,
  `![img](&#x6A;avascript:${RUN})`,
  "```html\n<script>window.__xssTrap=1</script>\n```",
  `\`<img src=x onerror=${RUN}>\``,
  `[a](https://example.com "title\\" onmouseover=\\"${RUN}")`,
];

/** Citations whose URLs and titles carry payloads. */
const citationPayloads: Annotation[] = [
  { type: "url_citation", url: `javascript:${RUN}`, title: "evil", startIndex: 0, endIndex: 5 },
  {
    type: "url_citation",
    url: `data:text/html,<script>${RUN}</script>`,
    title: "evil",
    startIndex: 0,
    endIndex: 5,
  },
  {
    type: "url_citation",
    url: `&#106;avascript:${RUN}`,
    title: "evil",
    startIndex: 0,
    endIndex: 5,
  },
  {
    type: "url_citation",
    url: " \tjavascript:alert(1)",
    title: "evil",
    startIndex: 0,
    endIndex: 5,
  },
  {
    type: "url_citation",
    url: "https://example.com/",
    title: `<img src=x onerror="${RUN}">`,
    startIndex: 0,
    endIndex: 5,
  },
  {
    type: "url_citation",
    url: "https://example.com/2",
    title: `<script>${RUN}</script>`,
    startIndex: 0,
    endIndex: 5,
  },
  { type: "file_citation", fileId: "file-1", filename: `<svg onload="${RUN}">`, index: 5 },
];

const FORBIDDEN_TAGS =
  "script, iframe, object, embed, svg, math, style, form, base, meta, link, details, frame, frameset";
const DANGEROUS_URL = /^\s*(javascript|vbscript|data:text\/html)/i;

function assertSafe(root: Element) {
  expect(window.__xssTrap).toBeUndefined();
  expect(root.querySelectorAll(FORBIDDEN_TAGS)).toHaveLength(0);
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith("on"), `${element.tagName} has ${attribute.name}`).toBe(
        false,
      );
      expect(
        DANGEROUS_URL.test(attribute.value),
        `${element.tagName}[${attribute.name}]=${attribute.value}`,
      ).toBe(false);
    }
    if (element instanceof HTMLAnchorElement && element.hasAttribute("href")) {
      expect(["http:", "https:", "mailto:"]).toContain(new URL(element.href).protocol);
    }
    if (element instanceof HTMLImageElement) {
      expect(/^(https?:|data:image\/)/.test(element.getAttribute("src") ?? "")).toBe(true);
    }
  }
}

async function settle() {
  // Give any injected handler (onerror, onload) its chance to run before checking the trap.
  await new Promise((resolve) => setTimeout(resolve, 60));
}

let mounted: Mounted | undefined;
beforeEach(() => {
  delete window.__xssTrap;
});
afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
});

describe("markdown XSS", () => {
  it("has at least 25 payloads", () => {
    expect(textPayloads.length + citationPayloads.length).toBeGreaterThanOrEqual(25);
  });

  it.each(textPayloads.map((payload) => [payload]))("is safe: %s", async (payload) => {
    mounted = await mount(
      <>
        <Markdown text={payload} />
        <Markdown text={payload} streaming />
        <Markdown text={payload} images="allow" />
      </>,
      "light",
    );
    await settle();
    assertSafe(mounted.root);
  });

  it.each(
    citationPayloads.map((annotation) => [
      annotation.type === "url_citation"
        ? annotation.url + " " + annotation.title
        : JSON.stringify(annotation),
      annotation,
    ]),
  )("is safe with the citation %s", async (_name, annotation) => {
    const part: TextPart = {
      type: "text",
      text: "Claim. More.",
      annotations: [annotation as Annotation],
    };
    mounted = await mount(
      <>
        <TextWithCitations part={part} />
        <Sources annotations={part.annotations} text={part.text} />
      </>,
      "light",
    );
    await settle();
    assertSafe(mounted.root);
    // Titles are shown as text.
    expect(mounted.root.querySelectorAll(".colloquy-citation__marker")).toHaveLength(1);
  });
});
