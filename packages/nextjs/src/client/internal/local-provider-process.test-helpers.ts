/**
 * Runs the server's local OpenID provider in a process of its own, for the client tests (never
 * built or shipped): under jsdom's globals the provider cannot sign its tokens, so the jsdom
 * tests start it here through `tsx` (`startLocalProviderProcess`). Reads the provider's options
 * as JSON from its first argument, prints `{ "issuer": … }` on one line once listening, and stops
 * when its standard input closes.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  type LocalOidcClient,
  type LocalOidcUser,
  startLocalOidcProvider,
} from "../../../../server/src/dev/local-oidc-provider.js";

/** What the process is started with. */
export interface LocalProviderProcessOptions {
  clients: LocalOidcClient[];
  users: LocalOidcUser[];
}

/** A provider running in its own process. */
export interface LocalProviderProcess {
  issuer: string;
  close(): Promise<void>;
}

/**
 * Starts this module as a child process running the local provider; answers once it listens.
 *
 * @throws Error when the process exits or says nothing usable within 30 s.
 * @example
 * const provider = await startLocalProviderProcess({ clients, users });
 * await provider.close();
 */
export function startLocalProviderProcess(
  options: LocalProviderProcessOptions,
): Promise<LocalProviderProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), JSON.stringify(options)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("the local provider process did not start within 30 s"));
    }, 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the local provider process exited with ${code}`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const line = output.split("\n")[0];
      if (!output.includes("\n") || line === undefined) return;
      clearTimeout(timer);
      const { issuer } = JSON.parse(line) as { issuer: string };
      resolve({
        issuer,
        close: async () => {
          child.stdin?.end();
          await exited;
        },
      });
    });
  });
}

async function main(json: string): Promise<void> {
  const options = JSON.parse(json) as LocalProviderProcessOptions;
  const provider = await startLocalOidcProvider({ port: 0, ...options });
  process.stdout.write(`${JSON.stringify({ issuer: provider.issuer })}\n`);
  process.stdin.resume();
  process.stdin.once("end", () => {
    void provider.close().then(() => process.exit(0));
  });
}

const argument = process.argv[2];
if (argument !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) {
  main(argument).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
