import { isModelAllowed } from "../policy/model-policy.js";
import { forwardUpstream, passedHeaders } from "./forward-upstream.js";
import { ProxyRejection } from "./openai-error.js";
import { readUpstreamAnswer } from "./read-upstream-body.js";
import type { RouteContext } from "./proxy-context.js";

/** `GET /v1/models`: the upstream's list, narrowed to the models this proxy allows. */
export async function handleListModels(context: RouteContext): Promise<Response> {
  const { settings } = context;
  const upstream = await forwardUpstream(
    settings.upstream,
    settings.capture,
    { method: "get", path: "/models" },
    context.call.signal,
  );
  if (!upstream.ok) return upstream;
  const text = new TextDecoder().decode(await readUpstreamAnswer(upstream));
  let list: { data?: unknown };
  try {
    list = JSON.parse(text) as { data?: unknown };
  } catch {
    throw new ProxyRejection(502, "The upstream's model list is not JSON. Check the upstream.", {
      type: "server_error",
      code: "upstream_invalid_json",
    });
  }
  const data = Array.isArray(list.data) ? list.data : [];
  const allowed = data.filter((entry: unknown) => {
    const id = (entry as { id?: unknown } | null)?.id;
    return typeof id === "string" && isModelAllowed(id, settings.models);
  });
  const headers = passedHeaders(upstream);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ ...list, object: "list", data: allowed }), {
    status: upstream.status,
    headers,
  });
}
