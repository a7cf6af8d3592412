import { clientRuntime, createClientCore, type ClientRuntime } from "./client-core.js";
import { prefetchWhenIdle } from "./lazy-codecs.js";
import { loadOnce } from "./load-once.js";
import type {
  ChatClient,
  ChatClientOptions,
  ChatInput,
  RequestParams,
  StructuredClient,
} from "./types.js";

export type { ClientRuntime } from "./client-core.js";

/** `bindTools`' strict override and structured output load with the first call that needs them. */
const loadSchemaFeatures = loadOnce("colloquy's schema code", () => import("./schema-features.js"));

/** A structured client whose implementation loads on its first call. */
function lazyStructuredClient<T, IncludeRaw extends boolean>(
  create: () => Promise<StructuredClient<T, IncludeRaw>>,
): StructuredClient<T, IncludeRaw> {
  let structured: Promise<StructuredClient<T, IncludeRaw>> | undefined;
  const ready = () => (structured ??= create());
  return {
    invoke: async (input: ChatInput, params?: RequestParams) =>
      (await ready()).invoke(input, params),
    async *stream(input: ChatInput, params?: RequestParams) {
      yield* (await ready()).stream(input, params);
    },
  };
}

/**
 * Creates a client for an OpenAI-compatible API (OpenAI itself, the colloquy proxy, Azure,
 * vLLM, Ollama...). Requests stream by default; `api: "auto"` uses the Responses API only
 * when a feature needs it (built-in tools, reasoning summaries, previous response ids,
 * background mode) and Chat Completions otherwise.
 *
 * Each API's wire format loads the first time a request (or `buildRequest`) goes to it, so a
 * page that only talks to one API never downloads the other's converters; where the browser
 * reports idle time, the likely one is fetched then.
 *
 * @param runtime Time, randomness and message ids; replaceable in tests, defaults otherwise.
 * @example
 * const client = createChatClient({ baseURL: "/api/openai/v1", model: "gpt-4.1-mini" });
 * const reply = await client.invoke("Say hi");
 */
export function createChatClient(
  options: ChatClientOptions = {},
  runtime: Partial<ClientRuntime> = {},
): ChatClient {
  const rt = clientRuntime(runtime);
  const core = createClientCore(options, rt);
  prefetchWhenIdle(core.options.api ?? "auto");
  const client: ChatClient = {
    ...core,
    bindTools: (tools, { strict, toolChoice, parallelToolCalls } = {}) =>
      createChatClient(
        {
          ...options,
          tools: [...(options.tools ?? []), ...tools],
          ...(toolChoice === undefined ? {} : { toolChoice }),
          ...(parallelToolCalls === undefined ? {} : { parallelToolCalls }),
        },
        strict === undefined
          ? rt
          : {
              ...rt,
              tools: async (list) =>
                (await loadSchemaFeatures()).withStrict(list, tools, strict, rt.tools),
            },
      ),
    withStructuredOutput: (schema, structuredOptions) =>
      lazyStructuredClient(async () =>
        (await loadSchemaFeatures()).createStructuredClient(client, schema, structuredOptions),
      ),
  };
  return client;
}
