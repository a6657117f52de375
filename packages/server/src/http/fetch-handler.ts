/** What the HTTP server knows about a request's connection (none in process). */
export interface ConnectionInfo {
  /** The peer's address as the socket reports it. */
  remoteAddress?: string | undefined;
  /** The connection is TLS. */
  encrypted?: boolean | undefined;
}

/**
 * A request handler in Web-standard terms: what the Node adapter and tests call. The adapter
 * passes what it knows of the connection (the peer's address); in process there is none.
 */
export type FetchHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;
