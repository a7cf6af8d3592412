import type { Usage } from "../../core/model/usage.js";

/** The API an answer comes from: it decides how a stream reports an error in band. */
export type RelayedApi = "responses" | "chat";

/**
 * What the relay watches an answer for, a JSON body or an event stream alike: the ids to
 * note before the client sees them (ownership), the usage (`onUsage`), and for a stream
 * the event that ends it cleanly when the upstream breaks (see {@link watchFor}).
 */
export interface RelayWatch {
  /**
   * Called with the response id of the answer (on a stream, from the first event that carries
   * one); the bytes that name it reach the client only once it settles, so nobody can use an
   * id the proxy has not noted. Responses API answers only.
   */
  onId?: (id: string) => Promise<void>;
  /**
   * Called with each container id the answer names (a `code_interpreter_call`'s
   * `container_id`, a `container_file_citation`'s), once per id; the bytes that name it reach
   * the client only once it settles, so no caller learns a container the proxy has not noted
   * as theirs. Responses API answers only.
   */
  onContainer?: (id: string) => Promise<void>;
  /** Called once the usage of an answer is known (a stream's last usage, when it ends). */
  onUsage?: (usage: Usage, id: string | undefined) => void;
  /**
   * The SSE event that ends a stream cleanly when the upstream fails between two events,
   * given the sequence number it carries: one past the highest the stream has shown (0 when
   * none), so a Responses client sees it continue the numbering. Without it (or when the
   * failure cuts an event in half) the client's stream breaks.
   */
  lostEvent?: (sequenceNumber: number) => string;
  /** True when the stream's events carry `sequence_number` (Responses): they are followed. */
  sequenced?: boolean;
}

const LOST_UPSTREAM_MESSAGE =
  "The connection to the model's server was lost before the answer finished. What arrived " +
  "so far is kept; retry for the full answer.";

/** The Chat Completions lost event, made once: it carries no number. */
const CHAT_LOST_EVENT = `data: ${JSON.stringify({
  error: {
    message: LOST_UPSTREAM_MESSAGE,
    type: "server_error",
    param: null,
    code: "upstream_lost",
  },
})}\n\n`;

/**
 * The event that ends a stream whose upstream connection broke, in the API's own error
 * shape: on Responses an `error` event (`code`, `message`, `param`, and the `sequence_number`
 * that continues the stream's), on Chat Completions an `{ error }` chunk, which the openai SDK
 * raises as an `APIError`. Ending the stream cleanly with it, rather than resetting the
 * client's connection, matters: a browser that sees a reset may drop the last bytes it had
 * received but not yet handed to the page, which is often the whole of a short answer.
 */
const LOST_EVENTS: Record<RelayedApi, (sequenceNumber: number) => string> = {
  responses: (sequenceNumber) => {
    const event = {
      type: "error",
      code: "upstream_lost",
      message: LOST_UPSTREAM_MESSAGE,
      param: null,
      sequence_number: sequenceNumber,
    };
    return `event: error\ndata: ${JSON.stringify(event)}\n\n`;
  },
  chat: () => CHAT_LOST_EVENT,
};

/** The watch with the lost event (and sequence following) of the API the answer comes from. */
export function watchFor(watch: RelayWatch, api: RelayedApi): RelayWatch {
  return { ...watch, lostEvent: LOST_EVENTS[api], sequenced: api === "responses" };
}
