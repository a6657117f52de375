import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { FetchHandler } from "../http/fetch-handler.js";

/** A running HTTP server. */
export interface NodeServer {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  port: number;
  /** Stops accepting connections and resolves when open ones have finished. */
  close(): Promise<void>;
}

/** Options of {@link serveNode}. */
export interface ServeNodeOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default `127.0.0.1`; use `0.0.0.0` to listen on every interface. */
  hostname?: string;
}

/**
 * Serves a Web-standard handler on Node's HTTP server.
 *
 * @example
 * const server = await serveNode(handler, { port: 4100 });
 * console.log(server.url);
 */
export function serveNode(handler: FetchHandler, options: ServeNodeOptions): Promise<NodeServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const fetch = (request: Request, env: { incoming: Pick<IncomingMessage, "socket"> }) =>
      handler(request, {
        remoteAddress: env.incoming.socket.remoteAddress,
        encrypted: "encrypted" in env.incoming.socket && env.incoming.socket.encrypted === true,
      });
    const server = serve({ fetch, port: options.port, hostname }, (info: AddressInfo) => {
      const host = hostname.includes(":") ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
