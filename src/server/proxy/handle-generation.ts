import { assertModelAllowed } from "../policy/model-policy.js";
import { clampChatOutputTokens, clampResponsesOutputTokens } from "../policy/output-token-cap.js";
import { assertToolsAllowed } from "../policy/tool-policy.js";
import { forwardUpstream } from "./forward-upstream.js";
import type { RouteContext } from "./proxy-context.js";
import { readJsonBody } from "./read-limited-body.js";
import { relayAnswer, usageReporter, type RelayWatch } from "./relay-response.js";
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
  return relayAnswer(
    upstream,
    responsesWatch(context, body.model, body.store !== false),
    "responses",
  );
}

/**
 * What a created response is watched for: its id, remembered with its creator before the
 * client sees it (only for stored responses: others cannot be read back), and its usage.
 */
function responsesWatch(context: RouteContext, model: string, stored: boolean): RelayWatch {
  const { responses, reportError } = context.settings;
  const onUsage = usageReporter(context, async () => model, "responses", stored);
  const remember = async (id: string) => {
    try {
      await responses.remember(id, { owner: context.owner, model });
    } catch (error) {
      // The answer still goes out; only reading it back later will be refused.
      reportError(
        `colloquy: could not remember who created response ${id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const remembers = stored && (responses.enforced || context.settings.onUsage !== undefined);
  return { ...(remembers ? { onId: remember } : {}), ...(onUsage ? { onUsage } : {}) };
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
  const onUsage = usageReporter(context, async () => body.model, "chat.completions", false);
  return relayAnswer(upstream, onUsage ? { onUsage } : {}, "chat");
}
