/**
 * `latchkey start --trust-proxy`: the running instance sees each connection's peer, believes
 * `X-Forwarded-For` only from the proxies it was told to trust, and ignores it from anyone else.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedCli, spawnCli } from "../test/spawn-cli.js";
import { RATE_LIMIT_RULES } from "./rate-limits/rate-limit-rules.js";

const LIMIT = RATE_LIMIT_RULES.signInIp.limit;

/** `count` sign-in attempts, each claiming another address in `X-Forwarded-For`. */
async function rotate(cli: SpawnedCli, count: number, prefix: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await fetch(`${cli.url}/__clerk/v1/client/sign_ins`, {
      method: "POST",
      headers: {
        Origin: "http://localhost:3000",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": `198.51.100.${i + 1}`,
      },
      body: `identifier=${prefix}${i}%40example.com`,
    });
    statuses.push(answer.status);
    await answer.arrayBuffer();
  }
  return statuses;
}

for (const trusted of [false, true]) {
  describe(`latchkey start ${trusted ? "--trust-proxy loopback" : "without --trust-proxy"}`, () => {
    let dir: string;
    let cli: SpawnedCli;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "latchkey-trust-"));
      cli = await spawnCli(["--data-dir", dir, ...(trusted ? ["--trust-proxy", "loopback"] : [])]);
    }, 120_000);
    afterAll(async () => {
      await cli?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it(
      trusted
        ? "believes the trusted proxy's X-Forwarded-For: each address has its own limit"
        : "ignores X-Forwarded-For: every attempt counts against the peer's one limit",
      async () => {
        const statuses = await rotate(cli, LIMIT + 2, trusted ? "t" : "u");
        expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(422));
        expect(statuses.slice(LIMIT)).toEqual(trusted ? [422, 422] : [429, 429]);
      },
    );
  });
}

describe("latchkey start --trust-proxy with an entry that means nothing", () => {
  it("refuses to start and names the entry", async () => {
    const dir = await mkdtemp(join(tmpdir(), "latchkey-trust-"));
    try {
      await expect(spawnCli(["--data-dir", dir, "--trust-proxy", "everyone"])).rejects.toThrow(
        /everyone/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
