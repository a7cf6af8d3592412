/** What the proxy remembers about a response it relayed. */
export interface ResponseRecord {
  /** Who created it: the owner key (see `ResponseOwnershipOptions.owner`). */
  owner: string;
  /** The model the client asked for, for `onUsage` reports made when the response is read later. */
  model?: string;
}

/**
 * Where the proxy remembers which caller created each response id, so that reading,
 * resuming or cancelling a response is refused to everyone else, and where it notes that a
 * response's usage was reported. One proxy instance can use the memory store; several need a
 * shared one (see `createRedisResponseOwnerStore`). Entries expire after their TTL.
 */
export interface ResponseOwnerStore {
  /** Remembers `record` for response `id` for `ttlMs` milliseconds. */
  remember(id: string, record: ResponseRecord, ttlMs: number): Promise<void>;
  /** The record of response `id`, or undefined when it is unknown or expired. */
  recall(id: string): Promise<ResponseRecord | undefined>;
  /**
   * True the first time it is called for response `id` (within `ttlMs`), false afterwards,
   * atomically: however many streams or reads see a response's usage, it is reported once.
   */
  claimUsageReport(id: string, ttlMs: number): Promise<boolean>;
}
