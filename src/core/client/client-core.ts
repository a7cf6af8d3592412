import { APIError, ColloquyError } from "../errors.js";
import { withAudioFormat } from "../model/audio-format.js";
import { createMessageId } from "../model/create.js";
import type { Message } from "../model/message.js";
import { createAssistantMessage } from "../stream/create-assistant-message.js";
import { chooseApi } from "./choose-api.js";
import { loadApiCodec, prefetchApiCodec, toMessagesLazily } from "./lazy-codecs.js";
import { loadOnce } from "./load-once.js";
import { mergeParams, requestDefaults } from "./merge-params.js";
import { abortableSleep, send, type Transport } from "./transport.js";
import type {
  ChatClient,
  ChatClientOptions,
  ChatInput,
  RequestParams,
  ResumeOptions,
  StreamUpdate,
  ToolInput,
} from "./types.js";

/** Time and randomness, replaceable in tests. */
export interface ClientRuntime {
  /** Waits between retries. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A number in [0, 1). */
  random: () => number;
  /** A new message id. */
  newId: () => string;
  /**
   * Re-defines tools just before a request is built: how `bindTools` applies a strict
   * override without `defineTool` (and the JSON Schema code under it) loaded up front.
   */
  tools?: (tools: readonly ToolInput[]) => Promise<ToolInput[]>;
}

/** The client minus the methods that make other clients (`bindTools`, `withStructuredOutput`). */
export type ClientCore = Omit<ChatClient, "bindTools" | "withStructuredOutput">;

const defaultRuntime: ClientRuntime = {
  sleep: abortableSleep,
  random: Math.random,
  // crypto.randomUUID only exists in secure contexts; a page served over plain http on a LAN
  // address has none, and chat must still work there.
  newId: () => `msg_${createMessageId().replace(/-/g, "")}`,
};

/** Batching loads with the first batch: most apps send one conversation at a time. */
const loadBatch = loadOnce("colloquy's batching", () => import("./batch.js"));

const BROWSER_BASE_URL = "/api/openai/v1";

function resolveBaseURL(baseURL: string | undefined): string {
  if (baseURL) return baseURL.replace(/\/+$/, "");
  const inBrowser = typeof window !== "undefined" && typeof document !== "undefined";
  if (inBrowser) return BROWSER_BASE_URL;
  throw new ColloquyError(
    "invalid_input",
    "createChatClient needs `baseURL` outside the browser, e.g. `https://api.openai.com/v1` or your proxy's URL.",
  );
}

/** An error from reading the body, as a `ColloquyError` that keeps what had arrived. */
function streamError(error: unknown, snapshot: Message | undefined): unknown {
  if (error instanceof ColloquyError) return error;
  return new ColloquyError(
    "connection_error",
    `The connection dropped while the answer was streaming (${(error as Error)?.message ?? String(error)}). The partial answer is on \`snapshot\`; send the request again to retry.`,
    { cause: error, snapshot },
  );
}

/** The client's defaults with a call's params over them; a model must be set by then. */
export function requestParamsFor(
  defaults: RequestParams,
  params: RequestParams | undefined,
): RequestParams {
  const merged = mergeParams(defaults, params);
  if (!merged.model) {
    throw new ColloquyError(
      "invalid_input",
      "No model given: set `model` on createChatClient or on the call, e.g. `gpt-4.1-mini`.",
    );
  }
  return merged;
}

/** The runtime with the defaults filled in. */
export function clientRuntime(runtime: Partial<ClientRuntime>): ClientRuntime {
  return { ...defaultRuntime, ...runtime };
}

/**
 * The request loop: building requests, sending them (with retries), streaming, batching,
 * resuming and cancelling. Everything API-specific comes from that API's codec, loaded the
 * first time a request goes to it (lazy-codecs.ts), so the loop itself carries no converter.
 */
export function createClientCore(options: ChatClientOptions, rt: ClientRuntime): ClientCore {
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (!fetchImpl) {
    throw new ColloquyError("invalid_input", "No fetch is available: pass `fetch` in the options.");
  }
  const transport: Transport = {
    baseURL: resolveBaseURL(options.baseURL),
    headers: options.headers,
    fetch: fetchImpl,
    timeout: options.timeout,
    maxRetries: options.maxRetries ?? 2,
    sleep: rt.sleep,
    random: rt.random,
  };
  const api = options.api ?? "auto";
  const streaming = options.stream ?? true;
  const defaults = requestDefaults(options);
  const { modelVersion } = options;
  // The message a stream starts from: carrying the configured model version, which no
  // upstream event reports, so every snapshot has it.
  const startMessage = (id: string): Message | undefined =>
    modelVersion === undefined
      ? undefined
      : { ...createAssistantMessage(id), metadata: { modelVersion } };

  /** The request for messages and params, with the codec of the API it goes to. */
  async function prepare(messages: readonly Message[], params: RequestParams | undefined) {
    let merged = requestParamsFor(defaults, params);
    if (rt.tools && merged.tools) merged = { ...merged, tools: await rt.tools(merged.tools) };
    const codec = await loadApiCodec(chooseApi(params?.api ?? api, messages, merged));
    return { request: codec.buildRequest(messages, merged, streaming), merged, codec };
  }

  async function* streamUpdates(
    input: ChatInput,
    params?: RequestParams,
  ): AsyncGenerator<StreamUpdate> {
    const callApi = params?.api ?? api;
    // A fixed API's codec loads while the input is normalised.
    if (callApi !== "auto") prefetchApiCodec(callApi);
    const messages = await toMessagesLazily(input);
    const { request, merged, codec } = await prepare(messages, params);
    // The answer's audio does not say its encoding; the request chose it.
    const audioFormat = merged.audio?.format;
    const id = rt.newId();
    const stop = new AbortController();
    const signal = params?.signal ? AbortSignal.any([params.signal, stop.signal]) : stop.signal;
    let finished = false;
    try {
      const sent = await send(transport, {
        method: "POST",
        path: request.path,
        body: request.body,
        stream: streaming,
        signal,
      });
      if (!streaming) {
        const json: unknown = await sent.response.json().catch((error: unknown) => {
          throw sent.mapError(
            new ColloquyError("invalid_json", `The response body was not JSON: ${String(error)}`, {
              cause: error,
            }),
          );
        });
        const converted = codec.messageFromJson(json);
        finished = true;
        const metadata = converted.value.metadata;
        yield {
          snapshot: withAudioFormat(
            {
              ...converted.value,
              id,
              ...(modelVersion === undefined ? {} : { metadata: { ...metadata, modelVersion } }),
            },
            audioFormat,
          ),
          event: json as StreamUpdate["event"],
        };
        return;
      }
      if (!sent.response.body) {
        throw new ColloquyError(
          "not_event_stream",
          `${transport.baseURL}${request.path} answered without a body.`,
        );
      }
      let last: Message | undefined;
      try {
        const updates = codec.readStream(sent.response.body, {
          signal: sent.signal,
          id,
          initial: startMessage(id),
        });
        for await (const raw of updates) {
          const snapshot = withAudioFormat(raw.snapshot, audioFormat);
          const update = snapshot === raw.snapshot ? raw : { ...raw, snapshot };
          last = snapshot;
          yield update;
        }
      } catch (error) {
        throw streamError(sent.mapError(error), last);
      }
      finished = true;
    } finally {
      // The consumer stopped early: release the connection.
      if (!finished) stop.abort();
    }
  }

  async function* snapshots(input: ChatInput, params?: RequestParams): AsyncGenerator<Message> {
    for await (const update of streamUpdates(input, params)) yield update.snapshot;
  }

  async function invoke(input: ChatInput, params?: RequestParams): Promise<Message> {
    let last: Message | undefined;
    for await (const update of streamUpdates(input, params)) last = update.snapshot;
    if (!last) {
      throw new ColloquyError(
        "stream_cut",
        "The stream ended before any event arrived. Retry the request.",
      );
    }
    if (last.status === "failed") {
      // The HTTP exchange succeeded but the upstream reported a failure inside it.
      const error = last.error;
      throw new APIError(
        error?.status ?? 200,
        `The response failed: ${error?.message ?? "no reason given"}`,
        {
          errorCode: error?.code ?? null,
          type: error?.type ?? null,
          snapshot: last,
        },
      );
    }
    return last;
  }

  async function* resume(
    responseId: string,
    resumeOptions: ResumeOptions = {},
  ): AsyncGenerator<StreamUpdate> {
    prefetchApiCodec("responses");
    const after = resumeOptions.startingAfter ?? resumeOptions.message?.metadata.lastSequenceNumber;
    const query = `stream=true${after !== undefined ? `&starting_after=${after}` : ""}`;
    const sent = await send(transport, {
      method: "GET",
      path: `/responses/${encodeURIComponent(responseId)}?${query}`,
      stream: true,
      signal: resumeOptions.signal,
    });
    if (!sent.response.body) {
      throw new ColloquyError("not_event_stream", `Resuming ${responseId} returned no body.`);
    }
    let last = resumeOptions.message;
    try {
      const id = resumeOptions.message?.id ?? rt.newId();
      const codec = await loadApiCodec("responses");
      const updates = codec.readStream(sent.response.body, {
        signal: sent.signal,
        initial: resumeOptions.message ?? startMessage(id),
        id,
      });
      for await (const update of updates) {
        last = update.snapshot;
        yield update;
      }
    } catch (error) {
      throw streamError(sent.mapError(error), last);
    }
  }

  async function cancel(responseId: string, cancelOptions: { signal?: AbortSignal } = {}) {
    const sent = await send(transport, {
      method: "POST",
      path: `/responses/${encodeURIComponent(responseId)}/cancel`,
      stream: false,
      signal: cancelOptions.signal,
    });
    await sent.response.body?.cancel();
  }

  return {
    options: Object.freeze({ ...options, api, baseURL: transport.baseURL }),
    invoke,
    stream: snapshots,
    streamUpdates,
    batch: async (inputs, batchOptions) => (await loadBatch()).batch(invoke, inputs, batchOptions),
    batchSettled: async (inputs, batchOptions) =>
      (await loadBatch()).batchSettled(invoke, inputs, batchOptions),
    resume,
    cancel,
    buildRequest: async (messages, params) => (await prepare(messages, params)).request,
  };
}
