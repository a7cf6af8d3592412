import type { IncomingCall } from "../proxy/incoming-call.js";
import { ProxyRejection } from "../proxy/openai-error.js";
import { callerKey, type CallerIdentity } from "../rate-limit/rate-limit-policy.js";
import { createMemoryResponseOwnerStore } from "./memory-response-owner-store.js";
import type { ResponseOwnerStore, ResponseRecord } from "./response-owner-store.js";

/**
 * Who may read, resume and cancel a response: only the caller that created it. The proxy
 * remembers the creator of every response it relays (in `store`, for `ttlMs`) and answers
 * `GET /v1/responses/{id}` (streamed or not) and `POST /v1/responses/{id}/cancel` with 404
 * for anyone else, and for ids it does not know, so ids cannot be guessed or probed.
 */
export interface ResponseOwnershipOptions {
  /**
   * Where creators are remembered, default this process's memory (100 000 responses at
   * most). Several proxy instances need a shared store: `createRedisResponseOwnerStore`.
   */
  store?: ResponseOwnerStore;
  /** How long a response stays readable by its creator, default 24 hours. */
  ttlMs?: number;
  /**
   * The caller's key; default the user `authorize` identified, else the client address (as
   * the rate limit counts). Without `authorize`, callers behind one address share their
   * responses: return a per-session value here (e.g. from a session cookie) to keep them apart.
   */
  owner?: (request: Request, identity: CallerIdentity) => string;
}

/** The proxy's bookkeeping of responses: ownership checks and once-only usage reports. */
export interface ResponseTracker {
  /** Whether reads and cancels are checked against the creator. */
  readonly enforced: boolean;
  /** The owner key of a request's caller. */
  ownerOf(call: IncomingCall, identity: CallerIdentity): string;
  /** Remembers who created `id`. */
  remember(id: string, record: ResponseRecord): Promise<void>;
  /**
   * The record of `id` when `owner` may use it; rejects with 404 otherwise (when enforced),
   * and with 503 when the store cannot be asked.
   */
  authorize(id: string, owner: string): Promise<ResponseRecord | undefined>;
  /** True the first time the usage of `id` is about to be reported. */
  claimUsageReport(id: string): Promise<boolean>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Builds the tracker a proxy uses from its `responseOwnership` option. */
export function createResponseTracker(
  options: ResponseOwnershipOptions | false | undefined,
): ResponseTracker {
  const settings = options === false ? {} : (options ?? {});
  const enforced = options !== false;
  const store = settings.store ?? createMemoryResponseOwnerStore();
  const ttlMs = settings.ttlMs ?? DAY_MS;
  const customOwner = settings.owner;
  return {
    enforced,
    // A custom owner reads a Web Request; the default needs only the headers.
    ownerOf: (call, identity) =>
      customOwner ? customOwner(call.request(), identity) : callerKey(call, identity),
    remember: (id, record) => store.remember(id, record, ttlMs),
    async authorize(id, owner) {
      let record: ResponseRecord | undefined;
      try {
        record = await store.recall(id);
      } catch (error) {
        if (!enforced) return undefined;
        // Failing closed: without the store nobody can be shown to own the response.
        const reason = error instanceof Error ? error.message : String(error);
        throw new ProxyRejection(
          503,
          `The response-owner store is unavailable (${reason}), so responses cannot be read or cancelled for now. Check the store (e.g. Redis) and retry.`,
          { type: "server_error", code: "response_store_unavailable" },
        );
      }
      if (enforced && record?.owner !== owner) {
        throw new ProxyRejection(
          404,
          `No response with id '${id}' was found for this caller. A response can be read, resumed or cancelled only by the caller that created it, through this proxy, within ${Math.round(ttlMs / 60_000)} minutes.`,
          { param: "response_id", code: "response_not_found" },
        );
      }
      return record;
    },
    claimUsageReport: (id) => store.claimUsageReport(id, ttlMs),
  };
}
