import { ColloquyError } from "../../../src/core/errors.js";
import type { Message } from "../../../src/core/model/message.js";
import type { Part } from "../../../src/core/model/parts.js";
import type { ChatStoreClient } from "../../../src/core/chat/types.js";
import type { RequestParams, ResumeOptions, StreamUpdate } from "../../../src/core/client/types.js";

/** A scripted turn: the parts of the answer in steps, and optionally an error after them. */
export interface ScriptedTurn {
  /** Text chunks streamed one by one. */
  chunks?: string[];
  /** Parts of the final message, replacing the text (tool calls, ...). */
  finalParts?: Part[];
  /** Throws after the chunks. */
  failWith?: Error;
  /** Ends after the chunks with a `failed` message, as an in-band `error` event does. */
  reportsFailure?: { message: string; code: string };
  /** Waits on this promise after the first chunk (to stop mid-stream). */
  pauseAfterFirst?: Promise<void>;
  /** Metadata of the answer. */
  metadata?: Message["metadata"];
}

/** A client that answers from a script and records what it was sent. */
export function fakeClient(turns: ScriptedTurn[]) {
  const requests: { messages: readonly Message[]; params: RequestParams }[] = [];
  let counter = 0;
  const client: ChatStoreClient & { requests: typeof requests } = {
    requests,
    async *streamUpdates(input, params = {}) {
      requests.push({ messages: input as readonly Message[], params });
      const turn = turns.shift() ?? { chunks: ["(no script)"] };
      const id = `answer-${++counter}`;
      let text = "";
      let snapshot: Message = {
        id,
        role: "assistant",
        parts: [],
        metadata: turn.metadata ?? {},
        status: "in-progress",
      };
      const chunks = turn.chunks ?? [];
      for (let i = 0; i < chunks.length; i++) {
        if (params.signal?.aborted) throw new ColloquyError("aborted", "aborted");
        text += chunks[i];
        snapshot = { ...snapshot, parts: [{ type: "text", text, state: "streaming" }] };
        yield { snapshot, event: { type: "delta" } } as StreamUpdate;
        if (i === 0 && turn.pauseAfterFirst) await turn.pauseAfterFirst;
        await Promise.resolve();
      }
      if (turn.failWith) throw turn.failWith;
      if (turn.reportsFailure) {
        yield {
          snapshot: { ...snapshot, status: "failed", error: turn.reportsFailure },
          event: { type: "error" },
        } as StreamUpdate;
        return;
      }
      const parts =
        turn.finalParts ?? (text ? [{ type: "text" as const, text, state: "done" as const }] : []);
      yield {
        snapshot: {
          ...snapshot,
          parts,
          status: "complete",
          metadata: {
            ...snapshot.metadata,
            usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
          },
        },
        event: { type: "done" },
      } as StreamUpdate;
    },
    async *resume(responseId: string, options?: ResumeOptions) {
      requests.push({ messages: [options!.message!], params: { previousResponseId: responseId } });
      const base = options!.message!;
      const first = base.parts[0];
      const soFar = first?.type === "text" ? first.text : "";
      yield {
        snapshot: {
          ...base,
          parts: [{ type: "text", text: soFar + " continued" }],
          status: "complete",
        },
        event: { type: "response.completed", sequence_number: (options?.startingAfter ?? 0) + 1 },
      } as StreamUpdate;
    },
  };
  return client;
}

/** A promise with its resolve function. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
