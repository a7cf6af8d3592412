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
import { BLOCK_GROUP_SIZE, groupFinishedBlocks } from "../../src/ui/markdown/block-groups.js";

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

/** A long answer of every kind of block, enough for several block groups. */
function longDocument(blocks: number): string {
  const kinds = [
    (i: number) => `## Section ${i}`,
    (i: number) =>
      `Paragraph ${i} with **bold**, *em*, \`code_${i}\` and [a link](https://example.com/${i}).`,
    (i: number) => `- item ${i}\n- item ${i} with [link][ref]\n  continued`,
    (i: number) => "```ts\nconst v" + i + " = 1;\n\nconst w = 2;\n```",
    (i: number) => `| a | b |\n| --- | ---: |\n| ${i} | ${i * 2} |`,
    (i: number) => `> quoted ${i}\nlazy line`,
    (i: number) => `${i + 1}. first\n${i + 2}. second`,
    (i: number) => (i === 7 ? "[ref]: https://example.org/ref" : `Plain paragraph ${i}.`),
  ];
  return Array.from({ length: blocks }, (_, i) => kinds[i % kinds.length]!(i)).join("\n\n");
}

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

  it("lexes only the last block once a blank line settles the one before", () => {
    const sources: string[] = [];
    const counting: LexFunction = (source, links) => {
      sources.push(source);
      return lexMarkdown(source, links);
    };
    const list = Array.from({ length: 20 }, (_, i) => `- a long list item number ${i}`).join("\n");
    let state = lexIncrementally(undefined, `${list}\n\nNext para`, counting);
    sources.length = 0;
    state = lexIncrementally(state, `${list}\n\nNext paragraph`, counting);
    expect(sources).toEqual(["\n\nNext paragraph"]);
    // After a list, a line that may still become one of its items keeps the list open.
    state = lexIncrementally(state, `${list}\n\nNext paragraph\n\n- `, counting);
    state = lexIncrementally(state, `${list}\n\nNext paragraph\n\n- more`, counting);
    expect(blockRaws(state)).toEqual(
      blockRaws(lexIncrementally(undefined, `${list}\n\nNext paragraph\n\n- more`)),
    );
    const open = lexIncrementally(undefined, `${list}\n\n1`);
    expect(open.openIndex).toBeLessThan(open.lastIndex);
  });

  it("matches a whole lex for a long document streamed in small chunks", () => {
    const text = longDocument(120);
    let state: LexedMarkdown | undefined;
    for (let i = 1; i <= text.length; i += 5) state = lexIncrementally(state, text.slice(0, i));
    state = lexIncrementally(state, text);
    const whole = lexIncrementally(undefined, text);
    expect(JSON.stringify(state.blocks.map((b) => b.token))).toBe(
      JSON.stringify(whole.blocks.map((b) => b.token)),
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
      "\n\nAlpha ",
      "\n\n- ",
      "+ plus\n",
      "Foo\n",
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

describe("groupFinishedBlocks", () => {
  const blocksOf = (text: string) => lexIncrementally(undefined, text).blocks;

  it("splits blocks into groups and keeps the arrays of unchanged groups", () => {
    const text = longDocument(60);
    const blocks = blocksOf(text);
    const first = groupFinishedBlocks(blocks, blocks.length, []);
    expect(first.flat()).toEqual(blocks.map((b) => b.token));
    expect(first.every((group) => group.length <= BLOCK_GROUP_SIZE)).toBe(true);
    const again = groupFinishedBlocks(blocks, blocks.length, first);
    again.forEach((group, k) => expect(group).toBe(first[k]));
  });

  it("gives a new array to a group whose blocks changed or grew", () => {
    const blocks = blocksOf(longDocument(60));
    const count = BLOCK_GROUP_SIZE + 3;
    const before = groupFinishedBlocks(blocks, count, []);
    const grown = groupFinishedBlocks(blocks, count + 1, before);
    expect(grown[0]).toBe(before[0]);
    expect(grown[1]).not.toBe(before[1]);
    expect(grown[1]).toHaveLength(4);
    const changed = blocks.slice();
    changed[2] = { ...changed[2]!, token: { ...changed[2]!.token } };
    expect(groupFinishedBlocks(changed, count + 1, grown)[0]).not.toBe(grown[0]);
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

  it("shows text the markdown lexer cannot read as plain text instead of crashing", () => {
    // marked throws a TypeError on this list-in-quote shape.
    const hostile = "1. item\n\t>2) x\nx";
    expect(() => lexMarkdown(hostile, {})).toThrow();
    const { container, rerender } = render(<Markdown text={hostile} streaming />);
    expect(container.textContent).toContain("item");
    expect(container.textContent).toContain("2) x");
    // Text arriving after the unreadable part still renders as markdown.
    rerender(<Markdown text={`${hostile}\n\n**bold** after`} />);
    expect(container.querySelector("strong")?.textContent).toBe("bold");
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

  it("gives the same DOM for a long document streamed in chunks as rendered whole", () => {
    const text = longDocument(150);
    const whole = render(<Markdown text={text} />).container;
    const { container, rerender } = render(<Markdown text="" streaming />);
    for (let i = 1; i <= text.length; i += 7)
      rerender(<Markdown text={text.slice(0, i)} streaming />);
    rerender(<Markdown text={text} />);
    expect(container.querySelectorAll(".colloquy-markdown__group > *").length).toBeGreaterThan(
      2 * BLOCK_GROUP_SIZE,
    );
    expect(container.firstElementChild!.isEqualNode(whole.firstElementChild)).toBe(true);
  });

  it("keeps the elements of finished blocks in every group while text streams in", () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}.`);
    const text = paragraphs.join("\n\n");
    const { container, rerender } = render(<Markdown text="" streaming />);
    const seen = new Map<number, Element>();
    for (let i = 1; i <= text.length; i += 4) {
      rerender(<Markdown text={text.slice(0, i)} streaming />);
      const elements = container.querySelectorAll("p");
      // The last paragraph may still be open; the ones before it are finished.
      for (let n = 0; n < elements.length - 1; n++) {
        const known = seen.get(n);
        if (known) expect(elements[n]).toBe(known);
        else seen.set(n, elements[n]!);
      }
    }
    rerender(<Markdown text={text} />);
    const elements = container.querySelectorAll("p");
    expect(elements).toHaveLength(120);
    for (const [n, element] of seen) expect(elements[n]).toBe(element);
    expect(elements[119]!.textContent).toBe("Paragraph 119.");
  });

  it("resolves a reference defined before the open block while streaming", () => {
    const text = "[ref]: https://example.org/ref\n\nSee [the docs][ref] and [more";
    const { container } = render(<Markdown text={text} streaming />);
    expect(container.querySelector("a")?.getAttribute("href")).toBe("https://example.org/ref");
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

  it("turns remote images into links naming their host by default", () => {
    const text = "![chart](https://example.com/c.png) ![dot](data:image/png;base64,iVBORw0KGgo=)";
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelectorAll("img")).toHaveLength(1);
    expect(container.querySelector("img")!.getAttribute("src")).toMatch(/^data:image\/png/);
    const link = container.querySelector("a.colloquy-markdown__image-link")!;
    expect(link.getAttribute("href")).toBe("https://example.com/c.png");
    expect(link.textContent).toBe("chart (image from example.com)");
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
