/**
 * What the proxy knows about a caller: the user `authorize` found, the client address, the
 * anonymous session.
 */
export interface CallerIdentity {
  /** The user id `authorize` returned, when there is one. */
  userId?: string;
  /**
   * The client's address: the connection's peer from the runtime adapter, or the address a
   * trusted proxy reports (see `trustProxy`); never a forwarding header from anyone else.
   */
  clientAddress?: string;
  /**
   * The anonymous session from the proxy's signed cookie, when there is no user (set for
   * the routes that create or read owned resources).
   */
  sessionId?: string;
}
