/**
 * Node only: reads a recorded stream from disk as SSE text for `recordings`. `.sse` files
 * are returned as they are; `.chunks.jsonl` files (one event payload per line) are framed
 * as SSE (with `event:` lines for Responses payloads and `data: [DONE]` for Chat ones).
 */
export async function loadRecording(path: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path, "utf8");
  if (!path.endsWith(".jsonl")) return text;
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  let chat = false;
  const events = lines.map((line) => {
    const payload = JSON.parse(line) as { type?: unknown; object?: unknown };
    if (payload.object === "chat.completion.chunk") chat = true;
    return typeof payload.type === "string"
      ? `event: ${payload.type}\ndata: ${line}\n\n`
      : `data: ${line}\n\n`;
  });
  return events.join("") + (chat ? "data: [DONE]\n\n" : "");
}
