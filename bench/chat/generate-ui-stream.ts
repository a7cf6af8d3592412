/** The AI SDK's UI message stream (SSE of JSON parts) spelling out the given deltas. */
export function uiMessageStreamEvents(parts: string[]): string[] {
  const event = (value: object) => `data: ${JSON.stringify(value)}\n\n`;
  return [
    event({ type: "start", messageId: "answer" }),
    event({ type: "start-step" }),
    event({ type: "text-start", id: "text-0" }),
    ...parts.map((delta) => event({ type: "text-delta", id: "text-0", delta })),
    event({ type: "text-end", id: "text-0" }),
    event({ type: "finish-step" }),
    event({ type: "finish" }),
    "data: [DONE]\n\n",
  ];
}

/** An SSE body split back into its events (each keeps its blank-line terminator). */
export function sseEvents(sse: string): string[] {
  return sse
    .split("\n\n")
    .filter((event) => event !== "")
    .map((event) => `${event}\n\n`);
}
