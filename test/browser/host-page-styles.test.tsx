import { createRoot, type Root } from "react-dom/client";
import { act, type ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Chat, Composer, Markdown, Message, MessageList, ThemeRoot } from "../../src/ui/index.js";
import "../../src/ui/styles.css";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * What host pages commonly put around an embedded component: the Vite template's centred
 * #root, a docs site's inline `code` rule, Tailwind v4's preflight (in its `base` layer) that
 * strips list markers, and the browser's default `content-box`.
 */
const HOST_CSS = `
  #host { text-align: center; font-weight: 700; letter-spacing: 2px; }
  code { padding: 4px 8px; border-radius: 4px; background: rgb(244, 243, 236); font-size: 15px; }
  @layer base { ol, ul, menu { list-style: none; margin: 0; padding: 0; } }
  .page-padding { padding: 5px; }
`;

let cleanup: (() => Promise<void>) | undefined;

afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Renders `node` into `#host` on a page carrying {@link HOST_CSS}, with no ThemeRoot above. */
async function mountInHostPage(node: ReactNode, hostStyle = ""): Promise<HTMLElement> {
  const style = document.createElement("style");
  style.textContent = HOST_CSS;
  document.head.append(style);
  const host = document.createElement("div");
  host.id = "host";
  host.setAttribute("style", `width: 720px; ${hostStyle}`);
  document.body.style.margin = "0";
  document.body.append(host);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(host);
    root.render(node);
  });
  cleanup = async () => {
    await act(async () => root!.unmount());
    host.remove();
    style.remove();
  };
  return host;
}

/** The look of the send button, the kit's most styled control. */
function sendLook(scope: ParentNode): string {
  const send = getComputedStyle(scope.querySelector('button[type="submit"]')!);
  return [send.backgroundColor, send.borderRadius, send.width, send.height].join(" ");
}

const MARKDOWN =
  "Steps:\n\n- one\n- two\n\n1. first\n2. second\n\nRun `npm test`.\n\n```sh\nnpm test\n```\n";

describe("the kit's styles in a host page", () => {
  it("styles MessageList and Composer used without <Chat> or ThemeRoot, as inside one", async () => {
    const alone = await mountInHostPage(
      <>
        <MessageList messages={[]} />
        <Composer onSend={() => {}} />
      </>,
    );
    const aloneLook = sendLook(alone);
    expect(alone.querySelector(".colloquy-composer")!.closest(".colloquy")).not.toBeNull();
    expect(alone.querySelector(".colloquy-message-list")!.closest(".colloquy")).not.toBeNull();
    expect(
      getComputedStyle(alone.querySelector(".colloquy-composer")!).getPropertyValue(
        "--colloquy-color-accent",
      ),
    ).not.toBe("");
    await cleanup!();

    const themed = await mountInHostPage(
      <ThemeRoot>
        <MessageList messages={[]} />
        <Composer onSend={() => {}} />
      </ThemeRoot>,
    );
    expect(aloneLook).toBe(sendLook(themed));
    // Under a ThemeRoot the parts add no scope of their own (one palette, set by the root).
    expect(themed.querySelectorAll(".colloquy")).toHaveLength(1);
  });

  it("styles a Message drawn alone by the page", async () => {
    const host = await mountInHostPage(
      <Message
        message={{
          id: "m1",
          role: "user",
          parts: [{ type: "text", text: "Hello" }],
          metadata: {},
          status: "complete",
        }}
      />,
    );
    const article = host.querySelector<HTMLElement>(".colloquy-message")!;
    expect(article.closest(".colloquy")).not.toBeNull();
    expect(getComputedStyle(article).getPropertyValue("--colloquy-color-accent")).not.toBe("");
    expect(getComputedStyle(article).textAlign).toBe("start");
  });

  it("keeps list markers under Tailwind's preflight, and the host's text-align and code rule out", async () => {
    const host = await mountInHostPage(<Markdown text={MARKDOWN} />);
    const style = (selector: string) => getComputedStyle(host.querySelector(selector)!);
    expect(style("ul.colloquy-markdown__list").listStyleType).toBe("disc");
    expect(style("ol.colloquy-markdown__list").listStyleType).toBe("decimal");
    expect(style("ul.colloquy-markdown__list").paddingLeft).not.toBe("0px");
    expect(style(".colloquy-markdown__paragraph").textAlign).toBe("start");
    expect(style(".colloquy-markdown__paragraph").fontWeight).toBe("400");
    expect(style(".colloquy-markdown__paragraph").letterSpacing).toBe("normal");
    expect(style(".colloquy-markdown__inline-code").paddingLeft).not.toBe("8px");
    expect(style(".colloquy-markdown__pre code").paddingLeft).toBe("0px");
    expect(style(".colloquy-markdown__pre code").backgroundColor).toBe("rgba(0, 0, 0, 0)");
  });

  it("fits <Chat> with its padding in the height the page gives it (border-box)", async () => {
    const host = await mountInHostPage(
      <Chat endpoint="http://127.0.0.1:9/v1" model="gpt-4.1-mini" />,
      "height: 400px;",
    );
    const chat = host.querySelector<HTMLElement>(".colloquy-chat")!;
    expect(getComputedStyle(chat).boxSizing).toBe("border-box");
    expect(chat.getBoundingClientRect().height).toBe(400);
  });

  it("lets a page's class override the kit's own rule on <Chat>", async () => {
    const host = await mountInHostPage(
      <Chat className="page-padding" endpoint="http://127.0.0.1:9/v1" model="gpt-4.1-mini" />,
      "height: 400px;",
    );
    expect(getComputedStyle(host.querySelector(".colloquy-chat")!).paddingTop).toBe("5px");
  });
});
