import type { IdFactory } from "./ids.js";

/** Building blocks of planned output: finished items in the Responses API's wire shape. */

/** One finished output item, in the Responses API's wire shape. */
export type OutputItem = { type: string; id: string } & Record<string, unknown>;

type Annotation = Record<string, unknown>;

/** A finished assistant message with one output_text part. */
export function message(ids: IdFactory, text: string, annotations: Annotation[] = []): OutputItem {
  return {
    id: ids.next("msg"),
    type: "message",
    status: "completed",
    role: "assistant",
    content: [{ type: "output_text", annotations, logprobs: [], text }],
  };
}

/** The span of `cited` inside `text`, as citation indices. */
export function citeSpan(text: string, cited: string): { start_index: number; end_index: number } {
  const start = text.indexOf(cited);
  return { start_index: start, end_index: start + cited.length };
}
