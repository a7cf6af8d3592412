import { isModelAllowed } from "../policy/model-policy.js";
import { forwardUpstream, passedHeaders } from "./forward-upstream.js";
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
  const list = (await upstream.json()) as { data?: unknown };
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
