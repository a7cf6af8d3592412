import { passedHeaders } from "./passed-headers.js";
import { readUpstreamAnswer } from "./read-upstream-body.js";
import type { RouteContext } from "./proxy-context.js";
import type { UsageReport } from "./proxy-options.js";
import { usageFromPayload } from "./normalise-usage.js";
import type { SseSource } from "./relay-sse.js";
import { watchFor, type RelayedApi, type RelayWatch } from "./relay-watch.js";
import type { ProxyAnswer, StreamAnswer } from "./stream-answer.js";
import { isUpstreamStream, type UpstreamAnswer } from "./upstream.js";
import { webSseSource } from "./web-sse.js";

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
 * The upstream's answer as the client's, when there is nothing to watch: its bytes with the
 * headers a client may see. Error answers are already client-ready.
 */
export function passedAnswer(upstream: Response): Response {
  if (!upstream.ok || !upstream.body) return upstream;
  return new Response(upstream.body, { status: upstream.status, headers: passedHeaders(upstream) });
}

/**
 * Turns the upstream's answer into the client's: a stream is relayed chunk by chunk (a
 * {@link StreamAnswer} the runtime's sink takes through `relaySse`); a JSON body is passed as
 * the same bytes. Either way the response id and the usage are picked out on the side when
 * asked for. Error answers are already client-ready.
 */
export async function relayAnswer(
  upstream: UpstreamAnswer,
  watch: RelayWatch,
  api: RelayedApi,
): Promise<ProxyAnswer> {
  if (isUpstreamStream(upstream)) return streamAnswer(upstream, upstream.source, watch, api);
  if (!upstream.ok || !upstream.body) return upstream;
  if ((upstream.headers.get("content-type") ?? "").includes("text/event-stream")) {
    return streamAnswer(upstream, webSseSource(upstream.body), watch, api);
  }
  const { onId, onUsage, onContainer } = watch;
  if (!onId && !onUsage && !onContainer) return passedAnswer(upstream);
  const headers = passedHeaders(upstream);
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

function streamAnswer(
  upstream: { readonly status: number; readonly headers: { get(name: string): string | null } },
  source: SseSource,
  watch: RelayWatch,
  api: RelayedApi,
): StreamAnswer {
  return {
    kind: "stream-answer",
    status: upstream.status,
    headers: passedHeaders(upstream),
    source,
    watch: watchFor(watch, api),
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
