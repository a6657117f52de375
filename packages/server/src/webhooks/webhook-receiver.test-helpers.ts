import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "@latchkey/backend";

/** One request the receiver got, after checking its signature with `@latchkey/backend`. */
export interface ReceivedWebhook {
  /** Path and query the request was sent to. */
  path: string;
  svixId: string;
  svixTimestamp: number;
  headers: Record<string, string>;
  body: string;
  /** The parsed event when `verifyWebhook` accepted the request, else null. */
  event: { type: string; data: Record<string, unknown> } | null;
  /** `verifyWebhook`'s error code when it rejected the request. */
  rejection: string | null;
}

/** What the receiver answers: a status, optionally after a delay (to provoke timeouts). */
export type ReceiverReply = { status: number; body?: string; delayMs?: number };

/** A real HTTP endpoint on a free local port that verifies what it is sent. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Requests whose signature checked out. */
  accepted(): ReceivedWebhook[];
  /** Decides each answer (default 200); `request` is the verified webhook. */
  reply: (request: ReceivedWebhook) => ReceiverReply;
  /** Requests currently being answered. */
  inFlight: number;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts a receiver verifying every request with `verifyWebhook` (the signing secret is read at
 * each request, so rotations can be followed; `now` is the instance's clock).
 */
export async function startWebhookReceiver(options: {
  secret: () => string;
  now: () => number;
}): Promise<WebhookReceiver> {
  const receiver = {
    received: [] as ReceivedWebhook[],
    reply: (() => ({ status: 200 })) as WebhookReceiver["reply"],
    inFlight: 0,
  } as WebhookReceiver;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    receiver.inFlight += 1;
    try {
      const body = await readBody(request);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers[name] = value;
      }
      const webRequest = new Request(`http://receiver${request.url ?? "/"}`, {
        method: "POST",
        headers,
        body: new Uint8Array(body),
      });
      const received: ReceivedWebhook = {
        path: request.url ?? "/",
        svixId: headers["svix-id"] ?? "",
        svixTimestamp: Number(headers["svix-timestamp"]),
        headers,
        body: body.toString("utf8"),
        event: null,
        rejection: null,
      };
      try {
        const event = await verifyWebhook(webRequest, {
          signingSecret: options.secret(),
          now: options.now,
        });
        received.event = event as unknown as ReceivedWebhook["event"];
      } catch (error) {
        received.rejection = (error as { code?: string }).code ?? "unknown";
      }
      receiver.received.push(received);
      const reply = received.event === null ? { status: 400 } : receiver.reply(received);
      if (reply.delayMs !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      }
      if (!response.destroyed) {
        response.writeHead(reply.status, { "Content-Type": "text/plain" });
        response.end(reply.body ?? "");
      }
    } finally {
      receiver.inFlight -= 1;
    }
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/webhooks`;
  receiver.accepted = () => receiver.received.filter((r) => r.event !== null);
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
