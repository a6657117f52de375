import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

/** A `latchkey start` process under test. */
export interface SpawnedCli {
  url: string;
  secretKey: string;
  publishableKey: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Sends `signal` (e.g. SIGKILL: no shutdown at all) and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the real CLI (`latchkey start`, from source through tsx) on a free port and waits until it
 * prints its URL and environment lines.
 *
 * @example
 * const cli = await spawnCli(["--data-dir", dir]);
 * await cli.stop();
 */
export async function spawnCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<SpawnedCli> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", CLI, "start", "--port", "0", ...args],
    { env: { ...process.env, DATABASE_URL: "", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  const ready = await new Promise<boolean>((resolve) => {
    const timer = setInterval(() => {
      if (/CLERK_API_URL=\S+/.test(output)) {
        clearInterval(timer);
        resolve(true);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      resolve(false);
    });
  });
  if (!ready) throw new Error(`latchkey start exited early:\n${output}`);

  const field = (pattern: RegExp) => {
    const value = pattern.exec(output)?.[1];
    if (value === undefined) throw new Error(`latchkey start did not print ${pattern}:\n${output}`);
    return value;
  };
  return {
    url: field(/instance on (http:\/\/\S+)/),
    secretKey: field(/CLERK_SECRET_KEY=(\S+)/),
    publishableKey: field(/NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=(\S+)/),
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
