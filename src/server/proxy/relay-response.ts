import { usageFromPayload } from "./normalise-usage.js";
import { passedHeaders } from "./forward-upstream.js";
import type { RouteContext } from "./proxy-context.js";
import type { UsageReport } from "./proxy-options.js";
import { tapStreamUsage } from "./usage-tap.js";

/**
 * Turns the upstream's answer to a generation into the client's: a stream flows through
 * untouched, chunk by chunk; a JSON body is passed as the same bytes. Either way the usage
 * is picked out on the side for `onUsage`. Error answers are already client-ready.
 */
export async function relayGeneration(
  upstream: Response,
  context: RouteContext,
  model: string,
  endpoint: UsageReport["endpoint"],
): Promise<Response> {
  if (!upstream.ok || !upstream.body) return upstream;
  const headers = passedHeaders(upstream);
  const { onUsage } = context.settings;
  if (!onUsage) return new Response(upstream.body, { status: upstream.status, headers });
  const report = (usage: UsageReport["usage"] | undefined) => {
    if (!usage) return;
    Promise.resolve()
      .then(() => onUsage({ user: context.user, model, usage, endpoint }))
      .catch((error: unknown) =>
        context.settings.reportError(
          `colloquy: onUsage threw: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  };
  if ((headers.get("content-type") ?? "").includes("text/event-stream")) {
    return new Response(tapStreamUsage(upstream.body, report), {
      status: upstream.status,
      headers,
    });
  }
  const bytes = new Uint8Array(await upstream.arrayBuffer());
  try {
    report(usageFromPayload(JSON.parse(new TextDecoder().decode(bytes))));
  } catch {
    // Not JSON: nothing to report, and the client gets the bytes as they came.
  }
  return new Response(bytes, { status: upstream.status, headers });
}
