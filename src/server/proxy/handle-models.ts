import { isModelAllowed } from "../policy/model-policy.js";
import { passedHeaders } from "./passed-headers.js";
import { ProxyRejection } from "./openai-error.js";
import { readUpstreamAnswer } from "./read-upstream-body.js";
import type { RouteContext } from "./proxy-context.js";

/** `GET /v1/models`: the upstream's list, narrowed to the models this proxy allows. */
export async function handleListModels(context: RouteContext): Promise<Response> {
  const { settings } = context;
  const upstream = await settings.upstream.send(
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

/**
 * `GET /v1/models/{id}`: the upstream's model, when this proxy allows it; a model it does not
 * allow is answered 404 as an unknown one would be, so the allowlist cannot be probed past.
 */
export async function handleRetrieveModel(context: RouteContext): Promise<Response> {
  const { settings } = context;
  const model = context.params["id"] ?? "";
  if (!isModelAllowed(model, settings.models)) {
    throw new ProxyRejection(
      404,
      `The model '${model.slice(0, 200)}' does not exist or is not allowed by this server. GET /v1/models lists the allowed ones.`,
      { param: "model", code: "model_not_found" },
    );
  }
  const upstream = await settings.upstream.send(
    { method: "get", path: `/models/${encodeURIComponent(model)}` },
    context.call.signal,
  );
  if (!upstream.ok) return upstream;
  return new Response(await readUpstreamAnswer(upstream), {
    status: upstream.status,
    headers: passedHeaders(upstream),
  });
}
