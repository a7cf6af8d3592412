import { describe, expect, it } from "vitest";
import { act, render, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { useChat, type UseChatOptions, type UseChatResult } from "../../src/react/index.js";
import { AttachmentError } from "../../src/core/chat/attachments.js";
import type { SendResult } from "../../src/core/chat/types.js";
import { failOnActWarnings, providerFor, textOf, serveEmulator } from "./support.js";

const server = serveEmulator();
failOnActWarnings();

/** Renders useChat with a fetch that records every request body. */
function renderChat(options: UseChatOptions = {}, strict = false) {
  const bodies: Record<string, unknown>[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    if (typeof init?.body === "string")
      bodies.push(JSON.parse(init.body) as Record<string, unknown>);
    return fetch(input, init);
  };
  const latest: { current?: UseChatResult } = {};
  function Chat() {
    latest.current = useChat({ storage: null, notify: "microtask", ...options });
    return <p>{latest.current.status}</p>;
  }
  render(
    strict ? (
      <StrictMode>
        <Chat />
      </StrictMode>
    ) : (
      <Chat />
    ),
    {
      wrapper: providerFor(server.url, "responses", recordingFetch),
    },
  );
  return { chat: () => latest.current!, bodies };
}

async function sendAndWait(chat: () => UseChatResult, input: Parameters<UseChatResult["send"]>[0]) {
  let result: SendResult | undefined;
  await act(async () => {
    void chat()
      .send(input)
      .then((r) => (result = r));
  });
  await waitFor(() => {
    expect(result).toBeDefined();
    expect(chat().status).not.toMatch(/submitted|streaming/);
  });
  return result!;
}

describe("useChat requests", () => {
  it("previous-response-id mode sends only the new message and points at the last response", async () => {
    const { chat, bodies } = renderChat({
      conversationState: "previous-response-id",
      requestParams: { store: true },
    });
    await sendAndWait(chat, "First question");
    await sendAndWait(chat, "Second question");
    expect(chat().status).toBe("ready");
    expect(chat().messages).toHaveLength(4);
    const firstResponseId = chat().messages[1]!.metadata.responseId;
    expect(firstResponseId).toMatch(/^resp_/);
    expect(bodies[0]!.previous_response_id).toBeUndefined();
    expect(bodies[1]!.previous_response_id).toBe(firstResponseId);
    expect(JSON.stringify(bodies[1]!.input)).toContain("Second question");
    expect(JSON.stringify(bodies[1]!.input)).not.toContain("First question");
  });

  it("stateless mode sends the whole history", async () => {
    const { chat, bodies } = renderChat();
    await sendAndWait(chat, "First question");
    await sendAndWait(chat, "Second question");
    expect(bodies[1]!.previous_response_id).toBeUndefined();
    expect(JSON.stringify(bodies[1]!.input)).toContain("First question");
  });

  it("sends an attached image and PDF as input parts", async () => {
    const { chat, bodies } = renderChat();
    const png = new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], "photo.png", {
      type: "image/png",
    });
    const pdf = new File(["%PDF-1.4 tiny"], "notes.pdf", { type: "application/pdf" });
    const result = await sendAndWait(chat, { text: "What are these?", files: [png, pdf] });
    expect(result.sent).toBe(true);
    expect(chat().status).toBe("ready");
    const parts = chat().messages[0]!.parts;
    expect(parts.map((p) => p.type)).toEqual(["text", "image", "file"]);
    const input = JSON.stringify(bodies[0]!.input);
    expect(input).toContain("data:image/png;base64,");
    expect(input).toContain("notes.pdf");
    expect(textOf(chat().messages[1]).length).toBeGreaterThan(0);
  });

  it("refuses a wrong attachment with a clear error and keeps everything", async () => {
    const { chat, bodies } = renderChat({ attachments: { maxFileBytes: 8 } });
    const exe = new File(["MZ"], "setup.exe", { type: "application/x-msdownload" });
    const bigPdf = new File(["%PDF-1.4 far too long"], "big.pdf", { type: "application/pdf" });
    const result = await sendAndWait(chat, { text: "Please read", files: [exe, bigPdf] });
    expect(result).toMatchObject({ sent: false, reason: "rejected-attachments" });
    const [typeError, sizeError] = chat().rejectedAttachments;
    expect(typeError).toBeInstanceOf(AttachmentError);
    expect(typeError!.message).toMatch(
      /"setup\.exe" \(application\/x-msdownload\) cannot be attached/,
    );
    expect(sizeError!.message).toMatch(
      /"big\.pdf" \(application\/pdf, 21 B\) is too large: the limit is 8 B/,
    );
    expect(chat().messages).toEqual([]);
    expect(bodies).toEqual([]);
  });

  it("answers an MCP approval request and continues", async () => {
    const mcp = {
      type: "mcp" as const,
      server_label: "docs",
      server_url: "https://example.com/mcp",
      require_approval: "always" as const,
    };
    const { chat, bodies } = renderChat({ requestParams: { tools: [mcp] } });
    await sendAndWait(chat, "Ask the mcp server for the docs");
    const request = chat().messages[1]!.parts.find((p) => p.type === "mcp-approval-request");
    expect(request).toBeDefined();
    act(() =>
      chat().respondToApproval({
        id: request!.type === "mcp-approval-request" ? request!.item.id : "",
        approve: true,
      }),
    );
    await waitFor(() => {
      expect(chat().messages).toHaveLength(3);
      expect(chat().status).toBe("ready");
    });
    expect(JSON.stringify(bodies[1]!.input)).toContain("mcp_approval_response");
  });

  it("lets hook options override the provider's", async () => {
    const { chat, bodies } = renderChat({ model: "gpt-4o", defaults: { temperature: 0.2 } });
    await sendAndWait(chat, "Which model?");
    expect(bodies[0]).toMatchObject({ model: "gpt-4o", temperature: 0.2 });
  });

  it("works under StrictMode (effects run twice) and sends one request", async () => {
    const { chat, bodies } = renderChat({}, true);
    await sendAndWait(chat, "Strict hello");
    expect(chat().status).toBe("ready");
    expect(chat().messages.map((m) => m.status)).toEqual(["complete", "complete"]);
    expect(bodies).toHaveLength(1);
  });
});
