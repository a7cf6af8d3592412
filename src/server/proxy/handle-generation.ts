import { assertModelAllowed } from "../policy/model-policy.js";
import { clampChatOutputTokens, clampResponsesOutputTokens } from "../policy/output-token-cap.js";
import { assertToolsAllowed } from "../policy/tool-policy.js";
import { forwardUpstream } from "./forward-upstream.js";
import type { RouteContext } from "./proxy-context.js";
import { readJsonBody } from "./read-limited-body.js";
import { relayGeneration } from "./relay-response.js";
import { chatCompletionsRequestSchema, responsesRequestSchema } from "./request-schemas.js";
import { validateBody } from "./validate-body.js";

/** `POST /v1/responses`: validate, apply policy, forward, relay. */
export async function handleCreateResponse(context: RouteContext): Promise<Response> {
  const { settings } = context;
  const raw = await readJsonBody(context.request, settings.maxBodyBytes);
  const body = validateBody(responsesRequestSchema, raw, "POST /v1/responses");
  context.noteModel(body.model);
  assertModelAllowed(body.model, settings.models);
  assertToolsAllowed(body.tools, settings.tools);
  const sent = {
    ...clampResponsesOutputTokens(body, settings.maxOutputTokens),
    model: settings.upstream.upstreamModel(body.model),
  };
  const upstream = await forwardUpstream(
    settings.upstream,
    settings.capture,
    { method: "post", path: "/responses", body: sent, stream: body.stream === true },
    context.request.signal,
  );
  return relayGeneration(upstream, context, body.model, "responses");
}

/** `POST /v1/chat/completions`: validate, apply policy, forward, relay. */
export async function handleChatCompletion(context: RouteContext): Promise<Response> {
  const { settings } = context;
  const raw = await readJsonBody(context.request, settings.maxBodyBytes);
  const body = validateBody(chatCompletionsRequestSchema, raw, "POST /v1/chat/completions");
  context.noteModel(body.model);
  assertModelAllowed(body.model, settings.models);
  assertToolsAllowed(body.tools, settings.tools);
  let sent: Record<string, unknown> = {
    ...clampChatOutputTokens(body, settings.maxOutputTokens),
    model: settings.upstream.upstreamModel(body.model),
  };
  // Streamed chat only reports usage when asked; onUsage needs it.
  if (body.stream === true && settings.onUsage && body.stream_options?.include_usage !== true) {
    sent = { ...sent, stream_options: { ...body.stream_options, include_usage: true } };
  }
  const upstream = await forwardUpstream(
    settings.upstream,
    settings.capture,
    { method: "post", path: "/chat/completions", body: sent, stream: body.stream === true },
    context.request.signal,
  );
  return relayGeneration(upstream, context, body.model, "chat.completions");
}
