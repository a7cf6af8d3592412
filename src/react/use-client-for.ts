import { useMemo } from "react";
import type { ChatClientOptions } from "../core/client/types.js";
import type { ColloquyOptions } from "./options.js";

/**
 * The client for these options, made by `create` and rebuilt only when an option really
 * changes: object options written inline (`defaults`, `headers`) are compared by content,
 * functions by identity. A `client` in the options is used as it is.
 */
export function useClientFor<Client>(
  options: ColloquyOptions,
  create: (options: ChatClientOptions) => Client,
): Client | NonNullable<ColloquyOptions["client"]> {
  const { client, endpoint, api, model, defaults, headers, fetch } = options;
  const defaultsKey = stableKey(defaults);
  const headersKey = typeof headers === "function" ? headers : stableKey(headers);
  return useMemo(
    () =>
      client ??
      create({
        ...defaults,
        ...(endpoint === undefined ? {} : { baseURL: endpoint }),
        ...(api === undefined ? {} : { api }),
        ...(model === undefined ? {} : { model }),
        ...(headers === undefined ? {} : { headers }),
        ...(fetch === undefined ? {} : { fetch }),
      }),
    // The keys stand for `defaults` and `headers`: content, not identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, endpoint, api, model, defaultsKey, headersKey, fetch, create],
  );
}

/** A string that changes only when the value's JSON does (functions and tools by name). */
export function stableKey(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) =>
    typeof item === "function" ? `fn:${(item as { name?: string }).name ?? ""}` : item,
  );
}
