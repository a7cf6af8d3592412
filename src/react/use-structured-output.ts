import {
  QueryClient,
  QueryClientContext,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { useCallback, useContext, useMemo, useState } from "react";
import type {
  ChatClient,
  ChatInput,
  DeepPartial,
  StructuredOutputMethod,
} from "../core/client/types.js";
import type { Message } from "../core/model/message.js";
import type { InferSchema, Schema } from "../core/structured/schema-types.js";
import { jsonSchemaOf } from "../core/structured/json-schema.js";
import { pickColloquyOptions, type ColloquyOptions } from "./options.js";
import { useColloquyOptions } from "./provider.js";
import { stableKey, useChatClient } from "./use-chat-client.js";

/** Options of `useStructuredOutput`. */
export interface UseStructuredOutputOptions<S extends Schema> extends ColloquyOptions {
  /** The react-query client (default: the one of `<QueryClientProvider>`, else a shared one). */
  queryClient?: QueryClient;
  /** What the answer must look like: a zod 4 schema or any Standard Schema with JSON Schema. */
  schema: S;
  /** The prompt: a string, a message, or a conversation. */
  input?: ChatInput;
  /** The conversation, when given as messages (same as `input`). */
  messages?: readonly Message[];
  /** `json_schema` (default), `function_calling` or `json_mode`. */
  method?: StructuredOutputMethod;
  /** Run automatically when the inputs are ready (default true). `generate()` runs regardless. */
  enabled?: boolean;
  /** Stream partial values while the JSON arrives (default true). */
  stream?: boolean;
  /** The schema's name, shown to the model. */
  name?: string;
  /** Milliseconds a result stays fresh in the cache (default: forever; same inputs, same answer). */
  staleTime?: number;
}

/** Where a structured request is: `idle` before it ran, then react-query's states. */
export type StructuredOutputStatus = "idle" | "pending" | "success" | "error";

/** What `useStructuredOutput` returns. */
export interface UseStructuredOutputResult<T> {
  /** The validated value, once complete. */
  data: T | undefined;
  /** The value as far as it has arrived: every field optional. */
  partial: DeepPartial<T> | undefined;
  /** Where the request is. */
  status: StructuredOutputStatus;
  /** The error: a `ValidationError` (with zod's `issues`) when the answer did not match. */
  error: Error | null;
  /** True while the JSON streams in. */
  isStreaming: boolean;
  /** Runs the cached request again. */
  refetch: () => Promise<unknown>;
  /** Runs now, with these inputs or the hook's, and resolves to the validated value. */
  generate: (input?: ChatInput) => Promise<T>;
}

let fallbackQueryClient: QueryClient | undefined;

/** Each client's key, computed once: a client's options do not change. */
const clientKeys = new WeakMap<ChatClient, string>();
/**
 * A given client's part of the key: what it was made with (endpoint, API, model, request
 * defaults, bound tools), by content. Not the object's identity: a client written inline is a
 * new object on every render, and a key that changed with each render would start a new query
 * each time, so the hook would never leave `pending`.
 */
function clientKey(client: ChatClient): string {
  let key = clientKeys.get(client);
  if (key === undefined) clientKeys.set(client, (key = stableKey(client.options)));
  return key;
}

/**
 * Asks for an answer shaped by `schema`: `partial` fills in as the JSON streams (parsed
 * incrementally), `data` is the validated value. Cached and deduplicated by react-query,
 * keyed by everything that changes the answer: the schema's JSON Schema, the input, the
 * client (when one is given), the endpoint, the API, the model, the default request
 * parameters, the method and the schema's name.
 */
export function useStructuredOutput<S extends Schema>(
  options: UseStructuredOutputOptions<S>,
): UseStructuredOutputResult<InferSchema<S>> {
  type T = InferSchema<S>;
  const connection = useColloquyOptions(pickColloquyOptions(options));
  const client = useChatClient(connection);
  const contextQueryClient = useContext(QueryClientContext);
  const queryClient = useQueryClient(
    (connection.queryClient as QueryClient | undefined) ??
      contextQueryClient ??
      (fallbackQueryClient ??= new QueryClient()),
  );
  const { schema, method, name, stream = true, enabled = true, staleTime = Infinity } = options;
  const input = options.input ?? options.messages;
  const model = connection.model;

  const schemaKey = useMemo(() => stableKey(jsonSchemaOf(schema)), [schema]);
  // Every input that can change the answer is in the key: two hooks that differ in any of
  // them must not share a cached answer.
  const queryKey: QueryKey = [
    "colloquy",
    "structured-output",
    schemaKey,
    stableKey(input),
    connection.client ? clientKey(connection.client) : null,
    connection.endpoint ?? null,
    connection.api ?? "auto",
    model ?? null,
    stableKey(connection.defaults),
    method ?? "json_schema",
    name ?? null,
    stream,
  ];
  const partialKey: QueryKey = [...queryKey, "partial"];

  const run = useCallback(
    (prompt: ChatInput, onPartial: (partial: DeepPartial<T>) => void, signal?: AbortSignal) =>
      runStructured<T>(
        client,
        schema as Schema<T>,
        prompt,
        { method, name, stream, signal },
        onPartial,
      ),
    [client, schema, method, name, stream],
  );

  const query = useQuery(
    {
      queryKey,
      queryFn: ({ signal }) =>
        run(input!, (partial) => queryClient.setQueryData(partialKey, partial), signal),
      enabled: enabled && input !== undefined,
      staleTime,
      retry: false,
    },
    queryClient,
  );
  const partialQuery = useQuery(
    { queryKey: partialKey, queryFn: () => null, enabled: false, staleTime: Infinity },
    queryClient,
  );

  const [mutationPartial, setMutationPartial] = useState<DeepPartial<T> | undefined>(undefined);
  const mutation = useMutation(
    {
      mutationFn: (prompt: ChatInput) => {
        setMutationPartial(undefined);
        return run(prompt, setMutationPartial);
      },
    },
    queryClient,
  );
  const { mutateAsync } = mutation;
  const generate = useCallback(
    (prompt?: ChatInput) => {
      const chosen = prompt ?? input;
      if (chosen === undefined) {
        return Promise.reject(
          new Error(
            "useStructuredOutput: nothing to send. Pass `input` to the hook or to generate().",
          ),
        );
      }
      return mutateAsync(chosen);
    },
    [mutateAsync, input],
  );

  if (mutation.status !== "idle") {
    return {
      data: mutation.data,
      partial: (mutation.data as DeepPartial<T> | undefined) ?? mutationPartial,
      status: mutation.status,
      error: mutation.error,
      isStreaming: mutation.isPending,
      refetch: query.refetch,
      generate,
    };
  }
  const fetching = query.fetchStatus === "fetching";
  return {
    data: query.data,
    partial: ((query.data as DeepPartial<T> | undefined) ??
      (partialQuery.data as DeepPartial<T> | null | undefined) ??
      undefined) as DeepPartial<T> | undefined,
    status: query.status === "pending" && !fetching ? "idle" : query.status,
    error: query.error,
    isStreaming: fetching,
    refetch: query.refetch,
    generate,
  };
}

/** Streams one structured answer, reporting partial values, and resolves to the validated one. */
async function runStructured<T>(
  client: ChatClient,
  schema: Schema<T>,
  prompt: ChatInput,
  options: {
    method?: StructuredOutputMethod;
    name?: string;
    stream: boolean;
    signal?: AbortSignal;
  },
  onPartial: (partial: DeepPartial<T>) => void,
): Promise<T> {
  const structured = client.withStructuredOutput(schema, {
    ...(options.method ? { method: options.method } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  const params = options.signal ? { signal: options.signal } : {};
  if (!options.stream) return structured.invoke(prompt, params) as Promise<T>;
  for await (const update of structured.stream(prompt, params)) {
    if (update.type === "final") return update.value;
    onPartial(update.partial);
  }
  throw new Error("The structured stream ended without a final value. Try again.");
}
