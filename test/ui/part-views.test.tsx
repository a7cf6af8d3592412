import { describe, expect, it } from "vitest";
import { render } from "@testing-library/react";
import {
  messageFromChatCompletion,
  messageFromResponse,
  type Message as MessageModel,
  type Part,
  type PartType,
} from "../../src/core/index.js";
import { Message, preloadPartViews } from "../../src/ui/message/index.js";
import { allExchanges, capturesAvailable, isModelCall } from "../support/captures.js";

// Every part type of the model; the compiler rejects this list when a type is added or removed.
const PART_TYPES: Record<PartType, true> = {
  text: true,
  refusal: true,
  reasoning: true,
  image: true,
  file: true,
  audio: true,
  "tool-call": true,
  "web-search-call": true,
  "file-search-call": true,
  "code-interpreter-call": true,
  "computer-call": true,
  "computer-call-output": true,
  "mcp-call": true,
  "mcp-list-tools": true,
  "mcp-approval-request": true,
  "mcp-approval-response": true,
  "tool-search-call": true,
  "tool-search-output": true,
  "shell-call": true,
  "shell-call-output": true,
  "apply-patch-call": true,
  "apply-patch-call-output": true,
  compaction: true,
  unknown: true,
};

// Parts no recorded JSON answer holds: the user's attachments, streamed audio, and what a
// client sends back.
const SENT_BACK: Part[] = [
  { type: "file", fileId: "file_1", filename: "report.pdf", mediaType: "application/pdf" } as Part,
  {
    type: "audio",
    origin: "output",
    data: "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=",
    format: "wav",
    transcript: "Hello there.",
  },
  {
    type: "computer-call-output",
    id: "cuo_1",
    state: "completed",
    item: {
      type: "computer_call_output",
      call_id: "call_1",
      output: { type: "computer_screenshot", image_url: "data:image/png;base64,AAAA" },
    },
  } as Part,
  {
    type: "mcp-approval-response",
    id: "mcpr_1",
    state: "completed",
    item: { type: "mcp_approval_response", approval_request_id: "mcpr_0", approve: true },
  } as Part,
  {
    type: "apply-patch-call-output",
    id: "apo_1",
    state: "completed",
    item: { type: "apply_patch_call_output", call_id: "call_2", status: "completed", output: "ok" },
  } as Part,
];

function recordedAnswers(): MessageModel[] {
  const out: MessageModel[] = [];
  for (const api of ["responses", "chat"] as const) {
    for (const exchange of allExchanges(api)) {
      if (exchange.kind !== "json" || !isModelCall(exchange)) continue;
      const json = exchange.json as Record<string, unknown> | undefined;
      if (!json || typeof json !== "object") continue;
      if (api === "responses" && json.object === "response") {
        out.push(messageFromResponse(json).value!);
      } else if (api === "chat" && json.object === "chat.completion") {
        const converted = messageFromChatCompletion(json);
        if (converted.value) out.push(converted.value);
      }
    }
  }
  return out;
}

describe.runIf(capturesAvailable())("a view for every part type", () => {
  it("renders every part of every recorded answer, and each sent-back item, without an unsupported box", async () => {
    await preloadPartViews();
    const answers = recordedAnswers();
    answers.push({
      id: "sent-back",
      role: "user",
      parts: SENT_BACK,
      metadata: {},
      status: "complete",
    });
    const seen = new Set<string>();
    for (const answer of answers) {
      for (const [index, part] of answer.parts.entries()) {
        seen.add(part.type);
        const { container, unmount } = render(
          <Message message={{ ...answer, id: `${answer.id}-${index}`, parts: [part] }} />,
        );
        const body = container.querySelector(".colloquy-message__body")!;
        const where = `${part.type}${part.type === "unknown" ? ` (${part.originalType})` : ""} in ${answer.id}`;
        expect(body.querySelector(".colloquy-message__unknown-part"), where).toBeNull();
        expect(body.textContent, where).not.toMatch(/unsupported/i);
        // Parts that carry nothing to show (an empty text) aside, each view draws something.
        if (part.type !== "text" && part.type !== "reasoning") {
          expect(body.childElementCount, where).toBeGreaterThan(0);
        }
        unmount();
      }
    }
    const missing = Object.keys(PART_TYPES).filter((type) => !seen.has(type));
    expect(missing, "part types neither recorded nor sampled").toEqual([]);
  });

  it("shows a compaction as a quiet divider, a tool search with its query and tools, a program as a card of its fields", async () => {
    await preloadPartViews();
    const answers = recordedAnswers();
    const withType = (type: string) =>
      answers.find((a) =>
        a.parts.some((p) => p.type === type || (p.type === "unknown" && p.originalType === type)),
      )!;
    const compaction = render(<Message message={withType("compaction")} />);
    expect(
      compaction.getByRole("separator", { name: "Earlier conversation summarised" }),
    ).toBeTruthy();
    compaction.unmount();
    const search = render(<Message message={withType("tool-search-output")} />);
    expect(search.getByRole("group", { name: "Tool search" }).textContent).toContain("get_weather");
    expect(search.getByRole("group", { name: "1 tool loaded" }).textContent).toContain(
      "get_weather",
    );
    search.unmount();
    const program = render(<Message message={withType("program")} />);
    const card = program.getByRole("group", { name: "Program" });
    expect(card.querySelector("pre")!.textContent).toContain("tools.getInventory");
  });
});
