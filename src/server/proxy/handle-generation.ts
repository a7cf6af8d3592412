import { assertModelAllowed } from "../policy/model-policy.js";
import { clampChatOutputTokens, clampResponsesOutputTokens } from "../policy/output-token-cap.js";
import { assertToolsAllowed } from "../policy/tool-policy.js";
import type { RouteContext } from "./proxy-context.js";
import { readJsonBody } from "./read-limited-body.js";
import { relayAnswer, usageReporter } from "./relay-response.js";
import type { RelayedApi, RelayWatch } from "./relay-watch.js";
import type { ProxyAnswer } from "./stream-answer.js";
import { chatCompletionsRequestSchema, responsesRequestSchema } from "./request-schemas.js";
import { validateBody } from "./validate-body.js";
import { ProxyRejection } from "./openai-error.js";
import {
  chatReferences,
  referencesNothing,
  responsesReferences,
} from "../ownership/referenced-ids.js";

/** `POST /v1/responses`: validate, apply policy, forward, relay. */
export async function handleCreateResponse(context: RouteContext): Promise<ProxyAnswer> {
  const { settings } = context;
  const raw = await readJsonBody(context.call, settings.maxBodyBytes);
  const body = validateBody(responsesRequestSchema, raw, "POST /v1/responses");
  context.noteModel(body.model);
  assertModelAllowed(body.model, settings.models);
  assertToolsAllowed(body.tools, settings.tools);
  const stored = body.store !== false;
  const { responses } = settings;
  const references = responsesReferences(body);
  const names = !referencesNothing(references);
  const remembers = stored && (responses.enforced || settings.onUsage !== undefined);
  // Containers are noted whether or not the response is stored: their files outlive it.
  const notesContainers =
    responses.enforced && body.tools?.some((tool) => tool.type === "code_interpreter") === true;
  const owner = names || remembers || notesContainers ? await context.owner() : "";
  if (names) await responses.authorizeReferences(references, owner);
  const sent = {
    ...clampResponsesOutputTokens(body, settings.maxOutputTokens),
    model: settings.upstream.upstreamModel(body.model),
  };
  return await generate(
    context,
    "/responses",
    sent,
    body.stream === true,
    responsesWatch(context, body.model, remembers, notesContainers, owner),
    "responses",
  );
}

/**
 * Sends a checked generation request upstream and relays the answer: with the runtime
 * adapter's own send when it gives one and the upstream is reached over the network.
 */
async function generate(
  context: RouteContext,
  path: string,
  sent: Record<string, unknown>,
  stream: boolean,
  watch: RelayWatch,
  api: RelayedApi,
): Promise<ProxyAnswer> {
  const { settings, call, transport } = context;
  const { upstream } = settings;
  const request = { method: "post" as const, path, body: sent, stream };
  const answer =
    transport && upstream.overNetwork
      ? await upstream.send(request, call.signal, transport)
      : await upstream.send(request, call.signal);
  return await relayAnswer(answer, watch, api);
}

/**
 * What a created response is watched for: its id, remembered with its creator before the
 * client sees it (only for stored responses: others cannot be read back), the containers
 * its code interpreter works in (their files are the creator's to download), and its usage.
 */
function responsesWatch(
  context: RouteContext,
  model: string,
  remembers: boolean,
  notesContainers: boolean,
  owner: string,
): RelayWatch {
  const { responses, reportError } = context.settings;
  const onUsage = usageReporter(context, async () => model, "responses", remembers);
  const remember = async (id: string) => {
    try {
      await responses.remember(id, { owner, model });
    } catch (error) {
      // The answer still goes out; only reading it back later will be refused.
      reportError(
        `colloquy: could not remember who created response ${id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const rememberContainer = async (id: string) => {
    try {
      await responses.rememberContainer(id, owner);
    } catch (error) {
      // The answer still goes out; only downloading the container's files will be refused.
      reportError(
        `colloquy: could not remember who owns container ${id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    ...(remembers ? { onId: remember } : {}),
    ...(notesContainers ? { onContainer: rememberContainer } : {}),
    ...(onUsage ? { onUsage } : {}),
  };
}

/** `POST /v1/chat/completions`: validate, apply policy, forward, relay. */
export async function handleChatCompletion(context: RouteContext): Promise<ProxyAnswer> {
  const { settings } = context;
  const raw = await readJsonBody(context.call, settings.maxBodyBytes);
  const body = validateBody(chatCompletionsRequestSchema, raw, "POST /v1/chat/completions");
  context.noteModel(body.model);
  assertModelAllowed(body.model, settings.models);
  assertToolsAllowed(body.tools, settings.tools);
  const choices = body.n ?? 1;
  if (choices > settings.maxChoices) {
    throw new ProxyRejection(
      400,
      `'n' asks for ${choices} choices; this server allows at most ${settings.maxChoices} per request (the proxy's maxChoices option).`,
      { param: "n", code: "too_many_choices" },
    );
  }
  const references = chatReferences(body);
  if (!referencesNothing(references)) {
    await settings.responses.authorizeReferences(references, await context.owner());
  }
  // The cap bounds the whole request: shared across the choices, so n cannot multiply it.
  const cap =
    settings.maxOutputTokens === undefined
      ? undefined
      : Math.max(1, Math.floor(settings.maxOutputTokens / choices));
  let sent: Record<string, unknown> = {
    ...clampChatOutputTokens(body, cap),
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
