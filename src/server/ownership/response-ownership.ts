import type { IncomingCall } from "../proxy/incoming-call.js";
import { ProxyRejection } from "../proxy/openai-error.js";
import type { CallerIdentity } from "../proxy/caller-identity.js";
import { createMemoryResponseOwnerStore } from "./memory-response-owner-store.js";
import type { ReferencedIds } from "./referenced-ids.js";
import type { ResponseOwnerStore, ResponseRecord } from "./response-owner-store.js";

/**
 * Who may read, resume, cancel and delete a response: only the caller that created it. The
 * proxy remembers the creator of every response it relays (in `store`, for `ttlMs`) and
 * answers `GET /v1/responses/{id}` (streamed or not), `GET /v1/responses/{id}/input_items`,
 * `POST /v1/responses/{id}/cancel` and `DELETE /v1/responses/{id}` with 404 for anyone else, and for ids it does not know, so ids cannot be guessed or probed.
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
   * The caller's key; default the user `authorize` identified, else the anonymous session of
   * the proxy's signed cookie (`colloquy_session`, see `sessionSecret`), so two browsers
   * behind one address are two owners. Never the client address or a forwarding header.
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
  /** Remembers whose code interpreter worked in container `id` (named by their response). */
  rememberContainer(id: string, owner: string): Promise<void>;
  /**
   * Rejects with 404 (when enforced) unless container `id` was named by a response `owner`
   * created through this proxy; 503 when the store cannot be asked.
   */
  authorizeContainer(id: string, owner: string): Promise<void>;
  /** Remembers who uploaded file `id`. */
  rememberFile(id: string, owner: string): Promise<void>;
  /**
   * Checks every id a generation request names against `owner` (when enforced): a response
   * or file someone else created, or an id the proxy cannot know the owner of, is refused
   * with 404, as reading it would be.
   */
  authorizeReferences(ids: ReferencedIds, owner: string): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Files share the store with responses under their own prefix. */
const FILE_PREFIX = "file:";

/** Containers too, under theirs. */
const CONTAINER_PREFIX = "container:";

/** The default owner key: the user, else the session; a caller with neither owns nothing. */
function defaultOwner(identity: CallerIdentity): string {
  if (identity.userId !== undefined) return `user:${identity.userId}`;
  if (identity.sessionId !== undefined) return `session:${identity.sessionId}`;
  return "anonymous";
}

/** Builds the tracker a proxy uses from its `responseOwnership` option. */
export function createResponseTracker(
  options: ResponseOwnershipOptions | false | undefined,
): ResponseTracker {
  const settings = options === false ? {} : (options ?? {});
  const enforced = options !== false;
  const store = settings.store ?? createMemoryResponseOwnerStore();
  const ttlMs = settings.ttlMs ?? DAY_MS;
  const customOwner = settings.owner;
  const minutes = Math.round(ttlMs / 60_000);
  async function recall(id: string): Promise<ResponseRecord | undefined> {
    try {
      return await store.recall(id);
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
  }
  async function authorizeContainer(id: string, owner: string): Promise<void> {
    if (!enforced) return;
    if ((await recall(`${CONTAINER_PREFIX}${id}`))?.owner === owner) return;
    throw new ProxyRejection(
      404,
      `No container with id '${id}' was found for this caller. A container can be used (its files read, or its id named in a request) only by the caller whose response, created through this proxy within ${minutes} minutes, ran code in it.`,
      { param: "container_id", code: "container_not_found" },
    );
  }
  return {
    enforced,
    // A custom owner reads a Web Request; the default needs only the identity.
    ownerOf: (call, identity) =>
      customOwner ? customOwner(call.request(), identity) : defaultOwner(identity),
    remember: (id, record) => store.remember(id, record, ttlMs),
    async authorize(id, owner) {
      const record = await recall(id);
      if (enforced && record?.owner !== owner) {
        throw new ProxyRejection(
          404,
          `No response with id '${id}' was found for this caller. A response can be read, resumed, cancelled or continued only by the caller that created it, through this proxy, within ${minutes} minutes.`,
          { param: "response_id", code: "response_not_found" },
        );
      }
      return record;
    },
    rememberContainer: (id, owner) => store.remember(`${CONTAINER_PREFIX}${id}`, { owner }, ttlMs),
    authorizeContainer,
    rememberFile: (id, owner) => store.remember(`${FILE_PREFIX}${id}`, { owner }, ttlMs),
    async authorizeReferences(ids, owner) {
      if (!enforced) return;
      for (const id of ids.responses) {
        if ((await recall(id))?.owner === owner) continue;
        throw new ProxyRejection(
          404,
          `No response with id '${id}' was found for this caller, so previous_response_id cannot continue it. A response can be continued only by the caller that created it, through this proxy, within ${minutes} minutes.`,
          { param: "previous_response_id", code: "response_not_found" },
        );
      }
      for (const id of ids.files) {
        if ((await recall(`${FILE_PREFIX}${id}`))?.owner === owner) continue;
        throw new ProxyRejection(
          404,
          `No file with id '${id}' was found for this caller. A file can be used only by the caller that uploaded it through this proxy (POST /v1/files), within ${minutes} minutes.`,
          { param: "file_id", code: "file_not_found" },
        );
      }
      for (const { kind, id } of ids.unowned) {
        if (kind === "container") {
          // A container the caller's own code interpreter ran in is theirs to run in again.
          await authorizeContainer(id, owner);
          continue;
        }
        throw new ProxyRejection(
          404,
          `No ${kind} with id '${id}' was found for this caller: this proxy does not create ${kind}s, so it cannot tell whose one is. Send the content itself (or previous_response_id), or set responseOwnership: false if every caller may use every id.`,
          { param: kind, code: `${kind}_not_found` },
        );
      }
    },
    claimUsageReport: (id) => store.claimUsageReport(id, ttlMs),
  };
}
