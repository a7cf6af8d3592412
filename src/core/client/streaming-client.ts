import {
  clientRuntime,
  createClientCore,
  type ClientCore,
  type ClientRuntime,
} from "./client-core.js";
import type { CoreCodec } from "./codec.js";
import {
  loadApiCodec,
  prefetchApiCodec,
  prefetchWhenIdle,
  toMessagesLazily,
} from "./lazy-codecs.js";
import type { ChatClientOptions } from "./types.js";

/** Every conversion loaded on first use, per API. */
const lazyCodec: CoreCodec = {
  toMessages: toMessagesLazily,
  buildRequest: async (api, messages, params, stream) =>
    (await loadApiCodec(api)).buildRequest(messages, params, stream),
  messageFromJson: async (api, json) => (await loadApiCodec(api)).messageFromJson(json),
  readStream: async (api, body, options) => (await loadApiCodec(api)).readStream(body, options),
  prepare: prefetchApiCodec,
};

/**
 * A client for conversations that are only sent, never inspected first: `createChatClient`
 * without the synchronous `buildRequest`, `bindTools` and `withStructuredOutput`. Without a
 * synchronous step, nothing API-specific has to be at hand up front: the first request to an
 * API loads that API's conversions, so a page starts with the request loop alone (and, where
 * the browser reports idle time, fetches the likely ones then). The hooks use it when no
 * client is given.
 */
export function createStreamingClient(
  options: ChatClientOptions = {},
  runtime: Partial<ClientRuntime> = {},
): ClientCore {
  const client = createClientCore(options, lazyCodec, clientRuntime(runtime));
  prefetchWhenIdle(client.options.api ?? "auto");
  return client;
}
