import { assertModelAllowed } from "../policy/model-policy.js";
import { clampChatOutputTokens, clampResponsesOutputTokens } from "../policy/output-token-cap.js";
import { assertToolsAllowed } from "../policy/tool-policy.js";
import { postDirect } from "./direct-upstream.js";
import { forwardUpstream } from "./forward-upstream.js";
import type { RouteContext } from "./proxy-context.js";
import { readJsonBody } from "./read-limited-body.js";
import {
  relayAnswer,
  relayNativeStream,
  usageReporter,
  type RelayedApi,
  type RelayWatch,
} from "./relay-response.js";
import { isNativeStream, type ProxyAnswer } from "./stream-answer.js";
import { chatCompletionsRequestSchema, responsesRequestSchema } from "./request-schemas.js";
import { validateBody } from "./validate-body.js";

/** `POST /v1/responses`: validate, apply policy, forward, relay. */
export async function handleCreateResponse(context: RouteContext): Promise<ProxyAnswer> {
  const { settings } = context;
  const raw = await readJsonBody(context.call, settings.maxBodyBytes);
  const body = validateBody(responsesRequestSchema, raw, "POST /v1/responses");
  context.noteModel(body.model);
  assertModelAllowed(body.model, settings.models);
  assertToolsAllowed(body.tools, settings.tools);
  const sent = {
    ...clampResponsesOutputTokens(body, settings.maxOutputTokens),
    model: settings.upstream.upstreamModel(body.model),
  };
  return await generate(
    context,
    "/responses",
    sent,
    body.stream === true,
    responsesWatch(context, body.model, body.store !== false),
    "responses",
  );
}

/**
 * Sends a checked generation request upstream and relays the answer: natively when the
 * runtime adapter can and the upstream is reached over the network, else as a `Response`.
 */
async function generate(
  context: RouteContext,
  path: string,
  sent: Record<string, unknown>,
  stream: boolean,
  watch: RelayWatch,
  api: RelayedApi,
): Promise<ProxyAnswer> {
  const { settings, call, nativeSend } = context;
  const { direct } = settings.upstream;
  if (nativeSend && direct?.overNetwork) {
    const target = { ...settings.upstream, direct };
    const answer = await postDirect(target, path, sent, call.signal, nativeSend);
    if (isNativeStream(answer)) return relayNativeStream(answer, watch, api);
    return await relayAnswer(answer, watch, api);
  }
  const upstream = await forwardUpstream(
    settings.upstream,
    settings.capture,
    { method: "post", path, body: sent, stream },
    call.signal,
  );
  return await relayAnswer(upstream, watch, api);
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
export async function handleChatCompletion(context: RouteContext): Promise<ProxyAnswer> {
  const { settings } = context;
  const raw = await readJsonBody(context.call, settings.maxBodyBytes);
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
  const onUsage = usageReporter(context, async () => body.model, "chat.completions", false);
  return await generate(
    context,
    "/chat/completions",
    sent,
    body.stream === true,
    onUsage ? { onUsage } : {},
    "chat",
  );
}
