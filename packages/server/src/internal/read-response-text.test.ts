import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readResponseText } from "./read-response-text.js";

describe("readResponseText", () => {
  let server: Server;
  let origin = "";
  /** Set when the endless answer's connection is closed by the reader. */
  let endlessClosed: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/endless") {
        // Writes 64 KiB chunks for as long as the client reads.
        res.writeHead(500, { "content-type": "text/plain" });
        endlessClosed = new Promise((resolve) => res.on("close", resolve));
        const chunk = Buffer.alloc(64 * 1024, "a");
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {}
          if (!res.destroyed) res.once("drain", pump);
        };
        pump();
        return;
      }
      res.end("héllo wörld");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reads a body within the bound whole", async () => {
    const read = await readResponseText(await fetch(`${origin}/small`), 1024);
    expect(read).toEqual({ text: "héllo wörld", complete: true });
  });

  it("stops at the bound of an endless body and closes the connection", async () => {
    const read = await readResponseText(await fetch(`${origin}/endless`), 100_000);
    expect(read.complete).toBe(false);
    expect(read.text).toBe("a".repeat(100_000));
    await endlessClosed;
  });

  it("counts bytes, not characters, and treats a body exactly at the bound as complete", async () => {
    const body = "é".repeat(10); // 20 bytes
    expect(await readResponseText(new Response(body), 20)).toEqual({ text: body, complete: true });
    expect((await readResponseText(new Response(body), 19)).complete).toBe(false);
    expect(await readResponseText(new Response(null), 0)).toEqual({ text: "", complete: true });
  });
});
