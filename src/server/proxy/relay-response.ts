import type { Usage } from "../../core/model/usage.js";
import { passedHeaders } from "./passed-headers.js";
import { readUpstreamAnswer } from "./read-upstream-body.js";
import type { RouteContext } from "./proxy-context.js";
import type { UsageReport } from "./proxy-options.js";
import { usageFromPayload } from "./normalise-usage.js";
import type { StreamWatch } from "./sse-watcher.js";
import type { NativeStream, StreamAnswer } from "./stream-answer.js";
import { tapStream } from "./usage-tap.js";

/** The API an answer comes from: it decides how a stream reports an error in band. */
export type RelayedApi = "responses" | "chat";

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

/** What the relay learns from an answer, for ownership and `onUsage`. */
export interface RelayWatch {
  /** Notes a response's id before the client sees it (Responses API answers only). */
  onId?: (id: string) => Promise<void>;
  /** Notes each container an answer names before the client sees it (Responses API answers only). */
  onContainer?: (id: string) => Promise<void>;
  /** Called once the usage of an answer is known. */
  onUsage?: (usage: Usage, id: string | undefined) => void;
}

function idOf(payload: unknown): string | undefined {
  const id = (payload as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

/** The container ids a Responses object names: its code interpreter calls' and file citations'. */
function containersOf(payload: unknown): string[] {
  const output = (payload as { output?: unknown } | null)?.output;
  if (!Array.isArray(output)) return [];
  const found = new Set<string>();
  const note = (value: unknown) => {
    const id = (value as { container_id?: unknown } | null)?.container_id;
    if (typeof id === "string") found.add(id);
  };
  for (const item of output as unknown[]) {
    note(item);
    const content = (item as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    for (const part of content as unknown[]) {
      const annotations = (part as { annotations?: unknown } | null)?.annotations;
      if (Array.isArray(annotations)) for (const annotation of annotations) note(annotation);
    }
  }
  return [...found];
}

/**
 * Turns the upstream's answer into the client's: a stream flows through untouched, chunk by
 * chunk; a JSON body is passed as the same bytes. Either way the response id and the usage
 * are picked out on the side when asked for. Error answers are already client-ready.
 */
export async function relayAnswer(
  upstream: Response,
  watch: RelayWatch,
  api: RelayedApi,
): Promise<Response> {
  if (!upstream.ok || !upstream.body) return upstream;
  const headers = passedHeaders(upstream);
  const { onId, onUsage, onContainer } = watch;
  if ((headers.get("content-type") ?? "").includes("text/event-stream")) {
    const body = tapStream(upstream.body, streamWatch(watch, api));
    return new Response(body, { status: upstream.status, headers });
  }
  if (!onId && !onUsage && !onContainer)
    return new Response(upstream.body, { status: upstream.status, headers });
  const bytes = await readUpstreamAnswer(upstream);
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Not JSON: nothing to learn, and the client gets the bytes as they came.
  }
  const id = idOf(payload);
  if (id !== undefined) await onId?.(id);
  if (onContainer) await Promise.all(containersOf(payload).map(onContainer));
  const usage = usageFromPayload(payload);
  if (usage) onUsage?.(usage, id);
  return new Response(bytes, { status: upstream.status, headers });
}

/**
 * Hands a successful upstream stream back to the runtime adapter that sent it natively, to
 * relay without Web streams: with the passed headers and the same watch as `relayAnswer`.
 */
export function relayNativeStream(
  upstream: NativeStream,
  watch: RelayWatch,
  api: RelayedApi,
): StreamAnswer {
  return {
    kind: "stream-answer",
    status: upstream.status,
    headers: passedHeaders(upstream),
    body: upstream.body,
    watch: streamWatch(watch, api),
  };
}

/** What a relayed SSE stream is watched for. */
function streamWatch(watch: RelayWatch, api: RelayedApi): StreamWatch {
  const { onId, onUsage, onContainer } = watch;
  return {
    lostEvent: LOST_EVENTS[api],
    sequenced: api === "responses",
    ...(onId ? { onId } : {}),
    ...(onContainer ? { onContainer } : {}),
    ...(onUsage
      ? {
          onDone: (usage: Usage | undefined, id: string | undefined) => usage && onUsage(usage, id),
        }
      : {}),
  };
}

/**
 * The `onUsage` side of a relay: reports the usage to the hook without ever failing the
 * request. With `once`, a response's usage is reported only the first time any stream or
 * read of it shows it (a resumed stream, a later retrieve).
 */
export function usageReporter(
  context: RouteContext,
  model: (id: string | undefined) => Promise<string>,
  endpoint: UsageReport["endpoint"],
  once: boolean,
): RelayWatch["onUsage"] {
  const { onUsage, responses, reportError } = context.settings;
  if (!onUsage) return undefined;
  const fail = (error: unknown) =>
    reportError(
      `colloquy: onUsage threw: ${error instanceof Error ? error.message : String(error)}`,
    );
  return (usage, id) => {
    void (async () => {
      if (once && id !== undefined && !(await responses.claimUsageReport(id))) return;
      await onUsage({ user: context.user, model: await model(id), usage, endpoint });
    })().catch(fail);
  };
}
