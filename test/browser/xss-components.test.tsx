import { act } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ApplyPatchCallPart,
  CodeInterpreterCallPart,
  ComputerCallPart,
  ImagePart,
  McpCallPart,
  McpListToolsPart,
  ShellCallPart,
  ToolCallPart,
} from "../../src/core/index.js";
import {
  ApplyPatchCall,
  CodeInterpreterCall,
  Composer,
  ComputerScreenshot,
  ComputerTimeline,
  GeneratedImage,
  ImageGallery,
  ImageThumbnails,
  McpCall,
  McpListTools,
  ShellCall,
  ToolCall,
} from "../../src/ui/index.js";
import { mount, type Mounted } from "./component-harness.js";

/** Every payload tries to set this global; it must stay untouched. */
declare global {
  var __colloquyXss: unknown;
}

const PAYLOADS = [
  `<script>window.__colloquyXss = 1</script>`,
  `<img src=x onerror="window.__colloquyXss = 2">`,
  `<svg onload="window.__colloquyXss = 3"></svg>`,
  `"><img src=x onerror=window.__colloquyXss=4>`,
  `'><svg/onload=window.__colloquyXss=5>`,
  `javascript:window.__colloquyXss=6`,
  `JaVaScRiPt:window.__colloquyXss=7`,
  ` \tjavascript:window.__colloquyXss=8`,
  `java\tscript:window.__colloquyXss=9`,
  `data:text/html,<script>window.__colloquyXss=10</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19jb2xsb3F1eVhzcz0xMTwvc2NyaXB0Pg==`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__colloquyXss=12"/>`,
  `data:image/png;base64,"><script>window.__colloquyXss=13</script>`,
  `vbscript:msgbox(14)`,
  `<iframe src="javascript:window.__colloquyXss=15"></iframe>`,
  `<a href="javascript:window.__colloquyXss=16">click</a>`,
  `<details open ontoggle="window.__colloquyXss=17">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__colloquyXss=18>`,
  `<object data="javascript:window.__colloquyXss=19"></object>`,
  `<style>@import 'javascript:window.__colloquyXss=20'</style>`,
  `{{constructor.constructor('window.__colloquyXss=21')()}}`,
  `\u0000<script>window.__colloquyXss=22</script>`,
  `<body onload="window.__colloquyXss=23">`,
  `{"a":"</code><script>window.__colloquyXss=24</script>"}`,
];

const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html|data:image\/svg)/i;
// Attributes a browser resolves as URLs; text attributes (aria-label, alt, title) may hold the
// payload as words.
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "data",
  "background",
  "style",
]);
const RAW_HTML_TAGS = "script, iframe, object, embed, style, details, math, body, mglyph, table";

function toolParts(payload: string) {
  const call = {
    type: "tool-call",
    kind: "function",
    toolCallId: "call_x",
    toolName: payload,
    inputText: payload,
  } as const;
  const toolCalls: ToolCallPart[] = [
    { ...call, state: "input-streaming" },
    { ...call, state: "output-available", input: payload, output: payload },
    { ...call, state: "output-available", input: {}, output: { html: payload } },
    { ...call, state: "output-error", errorText: payload },
    { ...call, kind: "custom", state: "approval-requested", input: payload },
  ];
  const listTools: McpListToolsPart = {
    type: "mcp-list-tools",
    id: "l",
    state: "completed",
    item: {
      id: "l",
      type: "mcp_list_tools",
      server_label: payload,
      tools: [{ name: payload, description: payload, input_schema: {} }],
    },
  };
  const mcpCall: McpCallPart = {
    type: "mcp-call",
    id: "m",
    state: "failed",
    item: {
      id: "m",
      type: "mcp_call",
      server_label: payload,
      name: payload,
      arguments: payload,
      output: payload,
      error: payload,
    },
  };
  const interpreter: CodeInterpreterCallPart = {
    type: "code-interpreter-call",
    id: "c",
    state: "completed",
    item: {
      id: "c",
      type: "code_interpreter_call",
      container_id: "cntr",
      status: "completed",
      code: payload,
      outputs: [
        { type: "logs", logs: payload },
        { type: "image", url: payload },
      ],
    },
  };
  const shell: ShellCallPart = {
    type: "shell-call",
    id: "s",
    state: "completed",
    item: {
      id: "s",
      type: "shell_call",
      call_id: "c",
      status: "completed",
      environment: null,
      action: { commands: [payload], max_output_length: null, timeout_ms: null },
    },
  };
  const patch: ApplyPatchCallPart = {
    type: "apply-patch-call",
    id: "p",
    state: "completed",
    item: {
      id: "p",
      type: "apply_patch_call",
      call_id: "c",
      status: "completed",
      operation: { type: "create_file", path: payload, diff: `+${payload}\n-${payload}` },
    },
  };
  return { toolCalls, listTools, mcpCall, interpreter, shell, patch };
}

function imageParts(payload: string): ImagePart[] {
  return [
    {
      type: "image",
      origin: "generated",
      state: "complete",
      url: payload,
      revisedPrompt: payload,
      id: "g1",
    },
    {
      type: "image",
      origin: "generated",
      state: "complete",
      data: payload,
      mediaType: "image/png",
      id: "g2",
    },
    {
      type: "image",
      origin: "generated",
      state: "complete",
      data: "iVBORw0KGgo=",
      mediaType: payload,
      id: "g3",
    },
    { type: "image", origin: "input", url: payload },
  ];
}

function computerPart(payload: string): ComputerCallPart {
  return {
    type: "computer-call",
    id: "cu",
    state: "completed",
    item: {
      id: "cu",
      type: "computer_call",
      call_id: "c",
      status: "completed",
      pending_safety_checks: [{ id: payload, code: payload, message: payload }],
      action: { type: "type", text: payload },
    },
    output: { imageUrl: payload },
  };
}

function assertInert(root: HTMLElement): void {
  expect(globalThis.__colloquyXss).toBeUndefined();
  expect(root.querySelectorAll(RAW_HTML_TAGS)).toHaveLength(0);
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith("on"), `${element.tagName} ${attribute.name}`).toBe(false);
      if (!URL_ATTRIBUTES.has(attribute.name)) continue;
      const value = Array.from(attribute.value)
        .filter((c) => c.charCodeAt(0) > 32)
        .join("");
      expect(
        DANGEROUS_URL.test(value),
        `${element.tagName} ${attribute.name}="${attribute.value}"`,
      ).toBe(false);
    }
  }
  for (const img of root.querySelectorAll("img")) {
    expect(img.getAttribute("src")).toMatch(
      /^(https?:|data:image\/(png|jpe?g|gif|webp|avif|bmp);base64,)/,
    );
  }
}

let mounted: Mounted | undefined;

beforeEach(() => {
  globalThis.__colloquyXss = undefined;
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = undefined;
  expect(globalThis.__colloquyXss).toBeUndefined();
});

describe("components render hostile content as inert text", () => {
  it("has at least 20 payloads", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(PAYLOADS.map((payload, index) => [index + 1, payload] as const))(
    "payload %i stays text in every field",
    async (_index, payload) => {
      const parts = toolParts(payload);
      const images = imageParts(payload);
      const computer = computerPart(payload);
      mounted = await mount(
        <div>
          {parts.toolCalls.map((part, index) => (
            <ToolCall key={index} part={part} onApprove={() => {}} onDeny={() => {}} />
          ))}
          <McpListTools part={parts.listTools} />
          <McpCall part={parts.mcpCall} />
          <CodeInterpreterCall part={parts.interpreter} language={payload} />
          <ShellCall part={parts.shell} />
          <ApplyPatchCall part={parts.patch} />
          {images.map((image, index) => (
            <GeneratedImage key={index} part={image} />
          ))}
          <ImageGallery images={images} />
          <ImageThumbnails parts={images} />
          <ComputerScreenshot part={computer} screenshot={payload} onAcknowledge={() => {}} />
          <ComputerTimeline parts={[computer]} />
          <Composer onSend={() => {}} accept="image/*" maxFileSize={1} defaultValue={payload} />
        </div>,
        "light",
      );
      // File names reach the composer through a drop: accepted, refused for size, refused for type.
      const form = mounted.root.querySelector("form")!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(1)], `${payload}.png`, { type: "image/png" }));
      transfer.items.add(new File([new Uint8Array(8)], `${payload}.png`, { type: "image/png" }));
      transfer.items.add(new File([new Uint8Array(1)], payload, { type: "text/html" }));
      await act(async () => {
        form.dispatchEvent(
          new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
      });
      expect(mounted.root.querySelectorAll(".colloquy-attachment")).toHaveLength(1);
      expect(mounted.root.querySelector('[role="alert"]')!.textContent).toContain(
        payload.trim().slice(0, 8),
      );

      // Open a viewer too, so its attributes are checked.
      const opener = mounted.root.querySelector<HTMLButtonElement>(
        ".colloquy-generated-image__open",
      );
      if (opener) await act(async () => opener.click());

      await new Promise((resolve) => setTimeout(resolve, 50));
      assertInert(mounted.root);
      expect(mounted.root.textContent).toContain(
        payload.split("\u0000").join("").trim().slice(0, 12),
      );
    },
  );
});
