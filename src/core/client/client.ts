import { defineTool, isToolDefinition } from "../tools/define-tool.js";
import { buildRequest } from "./build-request.js";
import {
  clientRuntime,
  createClientCore,
  requestParamsFor,
  type ClientRuntime,
} from "./client-core.js";
import type { ClientCodec, CoreCodec } from "./codec.js";
import { loadOnce } from "./load-once.js";
import { requestDefaults } from "./merge-params.js";
import type {
  ChatClient,
  ChatClientOptions,
  ChatInput,
  RequestParams,
  StructuredClient,
  ToolInput,
} from "./types.js";

export type { ClientRuntime } from "./client-core.js";

function withStrict(tools: readonly ToolInput[], strict: boolean | undefined): ToolInput[] {
  if (strict === undefined) return [...tools];
  return tools.map((tool) =>
    isToolDefinition(tool) && tool.strict !== strict ? defineTool({ ...tool, strict }) : tool,
  );
}

/** Structured output (partial JSON, schema checks) loads when a structured client is first used. */
const loadStructured = loadOnce(
  "colloquy's structured output",
  () => import("../structured/structured-client.js"),
);

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

/** The request loop's view of a codec whose request conversions are synchronous. */
function coreCodecOf(codec: ClientCodec): CoreCodec {
  return {
    toMessages: (input) => codec.toMessages(input),
    buildRequest: (api, messages, params, stream) =>
      buildRequest(messages, params, { api, stream, codec }),
    messageFromJson: (api, json) =>
      api === "chat" ? codec.messageFromChatCompletion(json) : codec.messageFromResponse(json),
    readStream: (api, body, options) => codec.readMessageStream(body, { ...options, api }),
    prepare: codec.prepare && ((api) => codec.prepare!(api)),
  };
}

/** Builds a client on the given conversions; `createChatClient` passes the core's own. */
export function createChatClientWith(
  options: ChatClientOptions,
  codec: ClientCodec,
  runtime: Partial<ClientRuntime> = {},
): ChatClient {
  const rt = clientRuntime(runtime);
  const core = createClientCore(options, coreCodecOf(codec), rt);
  const api = core.options.api ?? "auto";
  const stream = options.stream ?? true;
  const defaults = requestDefaults(options);
  const client: ChatClient = {
    ...core,
    buildRequest: (messages, params) =>
      buildRequest(messages, requestParamsFor(defaults, params), {
        api: params?.api ?? api,
        stream,
        codec,
      }),
    bindTools: (tools, bindOptions = {}) =>
      createChatClientWith(
        {
          ...options,
          tools: [...(options.tools ?? []), ...withStrict(tools, bindOptions.strict)],
          ...(bindOptions.toolChoice !== undefined ? { toolChoice: bindOptions.toolChoice } : {}),
          ...(bindOptions.parallelToolCalls !== undefined
            ? { parallelToolCalls: bindOptions.parallelToolCalls }
            : {}),
        },
        codec,
        rt,
      ),
    withStructuredOutput: (schema, structuredOptions) =>
      lazyStructuredClient(async () =>
        (await loadStructured()).createStructuredClient(client, schema, structuredOptions),
      ),
  };
  return client;
}
