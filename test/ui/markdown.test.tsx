import { describe, expect, it, vi } from "vitest";
import { act, render } from "@testing-library/react";
import fc from "fast-check";
import { Markdown } from "../../src/ui/markdown/markdown.js";
import {
  lexIncrementally,
  lexMarkdown,
  type LexFunction,
  type LexedMarkdown,
} from "../../src/ui/markdown/incremental-lexer.js";
import { repairOpenBlock } from "../../src/ui/markdown/repair-open-block.js";

const SAMPLE = [
  "# Title",
  "",
  "Some *emphasis*, **strong**, ~~gone~~ and `code` with a [link](https://example.com).",
  "",
  "- one",
  "- two",
  "  - nested",
  "",
  "1. first",
  "2. second",
  "",
  "- [ ] open task",
  "- [x] done task",
  "",
  "> quoted **text**",
  "",
  "| a | b |",
  "|:--|--:|",
  "| 1 | 2 |",
  "",
  "```ts",
  "const x = 1;",
  "```",
  "",
  "Setext",
  "---",
  "",
  "See [ref][1].",
  "",
  "[1]: https://example.org/ref",
  "",
  "Last paragraph.",
].join("\n");

function blockRaws(lexed: LexedMarkdown): string[] {
  return lexed.blocks.map((block) => block.token.raw);
}

describe("lexIncrementally", () => {
  it("gives the same blocks streamed char by char as lexed whole", () => {
    let state: LexedMarkdown | undefined;
    for (let i = 1; i <= SAMPLE.length; i++) state = lexIncrementally(state, SAMPLE.slice(0, i));
    const whole = lexIncrementally(undefined, SAMPLE);
    expect(blockRaws(state!)).toEqual(blockRaws(whole));
    expect(JSON.stringify(state!.blocks.map((b) => b.token))).toEqual(
      JSON.stringify(whole.blocks.map((b) => b.token)),
    );
  });

  it("never lexes finished blocks again: each call lexes only from the open block", () => {
    const sources: string[] = [];
    const counting: LexFunction = (source, links) => {
      sources.push(source);
      return lexMarkdown(source, links);
    };
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph number ${i} here.`);
    const text = paragraphs.join("\n\n");
    let state: LexedMarkdown | undefined;
    for (let i = 1; i <= text.length; i += 3)
      state = lexIncrementally(state, text.slice(0, i), counting);
    state = lexIncrementally(state, text, counting);
    // The longest source ever lexed is bounded by about two paragraphs, not the whole text.
    const longest = Math.max(...sources.map((s) => s.length));
    expect(longest).toBeLessThan(3 * (paragraphs[39]!.length + 2));
    expect(state.blocks.filter((b) => b.token.type === "paragraph")).toHaveLength(40);
  });

  it("keeps the token objects of finished blocks across calls", () => {
    const first = lexIncrementally(undefined, "one\n\ntwo\n\nthr");
    const second = lexIncrementally(first, "one\n\ntwo\n\nthree");
    expect(second.blocks[0]!.token).toBe(first.blocks[0]!.token);
    expect(second.blocks[2]!.token).toBe(first.blocks[2]!.token);
    expect(second.blocks[4]!.token.raw).toBe("three");
  });

  it("re-lexes from the change when earlier text is edited", () => {
    const first = lexIncrementally(undefined, "one\n\ntwo\n\nthree");
    const second = lexIncrementally(first, "one\n\nTWO\n\nthree");
    expect(second.blocks[0]!.token).toBe(first.blocks[0]!.token);
    expect(blockRaws(second)).toEqual(
      blockRaws(lexIncrementally(undefined, "one\n\nTWO\n\nthree")),
    );
  });

  it("matches a whole lex for any split of generated markdown", () => {
    const piece = fc.constantFrom(
      "# H\n",
      "para text ",
      "**b** ",
      "*e* ",
      "\n\n",
      "- item\n",
      "1. item\n",
      "> q\n",
      "```js\nx\n```\n",
      "| a | b |\n|---|---|\n| 1 | 2 |\n",
      "[l](https://a.b) ",
      "  - sub\n",
      "text\n---\n",
      "[r][x]\n\n[x]: https://x.y\n",
      "    indented\n",
      "<div>\n",
      "`c` ",
      "~~s~~",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 14 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (pieces, cuts) => {
          const text = pieces.join("");
          const points = [...new Set(cuts.map((c) => (text.length ? c % text.length : 0)))].sort(
            (a, b) => a - b,
          );
          let state: LexedMarkdown | undefined;
          for (const point of points) state = lexIncrementally(state, text.slice(0, point));
          state = lexIncrementally(state, text);
          const whole = lexIncrementally(undefined, text);
          expect(JSON.stringify(state.blocks.map((b) => b.token))).toBe(
            JSON.stringify(whole.blocks.map((b) => b.token)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("repairOpenBlock", () => {
  it.each([
    ["**bold", "**bold**"],
    ["some **bold ", "some **bold**"],
    ["trailing **", "trailing"],
    ["~~strike", "~~strike~~"],
    ["*em", "*em*"],
    ["`code", "`code`"],
    ["see [text](htt", "see text"],
    ["see [text](https://exa", "see text"],
    ["see [text", "see text"],
    ["![alt](https://img", ""],
    ["```js\nconst a = **", "```js\nconst a = **"],
    ["para\n-", "para\n"],
    ["`a ** b`", "`a ** b`"],
    ["- [ ] task", "- [ ] task"],
    ["use `arr[0", "use `arr[0`"],
    ["a *b* and **c", "a *b* and **c**"],
  ])("%j -> %j", (input, expected) => {
    expect(repairOpenBlock(input)).toBe(expected);
  });
});

describe("<Markdown>", () => {
  it("renders GitHub-flavoured markdown as elements", () => {
    const { container } = render(<Markdown text={SAMPLE} />);
    expect(container.querySelector("h1")?.textContent).toBe("Title");
    expect(container.querySelector("em")?.textContent).toBe("emphasis");
    expect(container.querySelector("strong")?.textContent).toBe("strong");
    expect(container.querySelector("del")?.textContent).toBe("gone");
    expect(container.querySelector("code.colloquy-markdown__inline-code")?.textContent).toBe(
      "code",
    );
    expect(container.querySelectorAll("ul").length).toBeGreaterThanOrEqual(2);
    expect(container.querySelector("ol li")?.textContent).toBe("first");
    const tasks = container.querySelectorAll<HTMLInputElement>("input[type=checkbox]");
    expect([...tasks].map((t) => t.checked)).toEqual([false, true]);
    expect(container.querySelector("blockquote strong")?.textContent).toBe("text");
    expect(container.querySelector<HTMLElement>("th")?.style.textAlign).toBe("left");
    expect(container.querySelector<HTMLElement>("td:nth-child(2)")?.style.textAlign).toBe("right");
    expect(container.querySelector("pre code")?.textContent).toBe("const x = 1;");
    expect(container.querySelector(".colloquy-markdown__code-language")?.textContent).toBe("ts");
    expect(container.querySelector("h2")?.textContent).toBe("Setext");
    const ref = [...container.querySelectorAll("a")].find((a) => a.textContent === "ref");
    expect(ref?.getAttribute("href")).toBe("https://example.org/ref");
  });

  it("gives the same DOM streamed char by char as rendered whole", () => {
    const whole = render(<Markdown text={SAMPLE} />).container;
    const { container, rerender } = render(<Markdown text="" streaming />);
    for (let i = 1; i <= SAMPLE.length; i++)
      rerender(<Markdown text={SAMPLE.slice(0, i)} streaming />);
    rerender(<Markdown text={SAMPLE} />);
    // Attribute order may differ (an attribute added mid-stream); isEqualNode ignores it.
    expect(container.firstElementChild!.isEqualNode(whole.firstElementChild)).toBe(true);
  });

  it("keeps finished block elements while the text grows", () => {
    const { container, rerender } = render(<Markdown text={"First.\n\nSec"} streaming />);
    const first = container.querySelector("p");
    rerender(<Markdown text={"First.\n\nSecond **bo"} streaming />);
    rerender(<Markdown text={"First.\n\nSecond **bold**\n\nThird"} streaming />);
    expect(container.querySelector("p")).toBe(first);
    expect(container.querySelectorAll("p")).toHaveLength(3);
  });

  it("lexes each streamed chunk from the open block only", () => {
    const lex = vi.fn(lexMarkdown);
    const text = Array.from({ length: 30 }, (_, i) => `Block ${i}.`).join("\n\n");
    const { rerender } = render(<Markdown text="" streaming lex={lex} />);
    for (let i = 1; i <= text.length; i += 5)
      rerender(<Markdown text={text.slice(0, i)} streaming lex={lex} />);
    const longest = Math.max(...lex.mock.calls.map(([source]) => source.length));
    expect(longest).toBeLessThan(30);
  });

  it.each([
    [
      "an open fence as a code block",
      "```py\nprint(1)",
      (c: HTMLElement) => c.querySelector("pre code")?.textContent === "print(1)",
    ],
    [
      "**bold without closer as bold",
      "Hello **wor",
      (c: HTMLElement) =>
        c.querySelector("strong")?.textContent === "wor" && !c.textContent!.includes("*"),
    ],
    [
      "a half link as text",
      "Read [the docs](htt",
      (c: HTMLElement) => c.textContent === "Read the docs" && !c.querySelector("a"),
    ],
    [
      "a half table as its rows so far",
      "| a | b |\n|---|---|\n| 1 | 2 |\n| 3",
      (c: HTMLElement) =>
        c.querySelectorAll("tbody tr").length >= 1 && c.querySelector("th")?.textContent === "a",
    ],
  ])("renders %s while streaming", (_name, text, check) => {
    const { container } = render(<Markdown text={text} streaming />);
    expect(check(container.querySelector(".colloquy-markdown")!)).toBe(true);
  });

  it("shows raw HTML as text and never creates its elements", () => {
    const { container } = render(
      <Markdown
        text={'<script>alert(1)</script>\n\nHi <img src=x onerror="alert(1)"> <b>bold</b>'}
      />,
    );
    expect(container.querySelector("script, img, b")).toBeNull();
    expect(container.textContent).toContain("<script>alert(1)</script>");
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it("decodes character references in text", () => {
    const { container } = render(<Markdown text="Tom &amp; Jerry &lt;3 &#x263A;" />);
    expect(container.textContent).toBe("Tom & Jerry <3 ☺");
  });

  it("copies code with the copy button", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { getByRole } = render(<Markdown text={"```js\nlet a = 1;\n```"} />);
    const button = getByRole("button", { name: "Copy js code" });
    await act(async () => button.click());
    expect(writeText).toHaveBeenCalledWith("let a = 1;");
    expect(button.getAttribute("data-state")).toBe("copied");
    expect(button.getAttribute("aria-label")).toBe("Copied");
  });

  it("uses a lazily loaded highlighter", async () => {
    const loader = () =>
      Promise.resolve((code: string) => <span className="hl">{code.toUpperCase()}</span>);
    const { findByText } = render(<Markdown text={"```js\nabc\n```"} loadHighlighter={loader} />);
    expect((await findByText("ABC")).className).toBe("hl");
  });
});

describe("<Markdown> URL policy", () => {
  it("opens external links in a new tab without opener or referrer", () => {
    const { container } = render(<Markdown text="[a](https://example.com) [m](mailto:x@y.z)" />);
    const [web, mail] = container.querySelectorAll("a");
    expect(web!.getAttribute("target")).toBe("_blank");
    expect(web!.getAttribute("rel")).toBe("noopener noreferrer");
    expect(mail!.getAttribute("target")).toBeNull();
  });

  it("turns remote images into links when external images are off", () => {
    const text = "![chart](https://example.com/c.png) ![dot](data:image/png;base64,iVBORw0KGgo=)";
    const { container } = render(<Markdown text={text} allowExternalImages={false} />);
    expect(container.querySelectorAll("img")).toHaveLength(1);
    expect(container.querySelector("img")!.getAttribute("src")).toMatch(/^data:image\/png/);
    const link = container.querySelector("a.colloquy-markdown__image-link")!;
    expect(link.getAttribute("href")).toBe("https://example.com/c.png");
    expect(link.textContent).toBe("chart");
  });

  it("applies custom allowlists", () => {
    const { container } = render(
      <Markdown
        text="[ftp](ftp://files.example/x) [web](https://example.com)"
        linkProtocols={["ftp"]}
      />,
    );
    const links = container.querySelectorAll("a");
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute("href")).toBe("ftp://files.example/x");
    expect(container.textContent).toContain("web");
  });
});

describe("<Markdown> math", () => {
  const loadMath = () =>
    Promise.resolve((tex: string, display: boolean) => (
      <span className={display ? "tex-block" : "tex-inline"}>{`TEX(${tex})`}</span>
    ));

  it("renders TeX through the lazily loaded renderer", async () => {
    const text =
      "Euler: $e^{i\\pi} + 1 = 0$ costs $5 and $10.\n\n$$\n\\int_0^1 x\\,dx\n$$\n\nAfter.";
    const { container, findByText } = render(<Markdown text={text} loadMath={loadMath} />);
    expect((await findByText("TEX(e^{i\\pi} + 1 = 0)")).className).toBe("tex-inline");
    expect(container.querySelector(".tex-block")?.textContent).toBe("TEX(\\int_0^1 x\\,dx)");
    expect(container.textContent).toContain("costs $5 and $10.");
    expect(container.textContent).toContain("After.");
  });

  it("leaves dollars alone without a math renderer", () => {
    const { container } = render(<Markdown text="Price: $x$ and $$y$$" />);
    expect(container.textContent).toBe("Price: $x$ and $$y$$");
  });
});
