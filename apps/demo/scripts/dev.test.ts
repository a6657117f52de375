// `pnpm dev`'s script itself: with a port that was asked for already taken it stops before
// starting anything, with a message instead of a stack trace.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const demoDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

function runDev(env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [tsx, "scripts/dev.ts"], {
      cwd: demoDir,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("scripts/dev.ts", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    servers.length = 0;
  });

  it("stops before starting anything when the app's port is taken, saying which and how to pick another", async () => {
    const { server, port } = await listen();
    servers.push(server);
    const free = await listen();
    const instancePort = free.port;
    await new Promise((done) => free.server.close(done));

    const run = await runDev({ PORT: String(port), LATCHKEY_PORT: String(instancePort) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Port ${port} for the demo app (PORT, from the command line) is taken`,
    );
    expect(run.stderr).toMatch(/PORT=\d+ pnpm dev/);
    expect(run.stderr).not.toMatch(/EADDRINUSE|at .*\(.*:\d+:\d+\)/);
    expect(run.stdout).not.toContain("Demo app");
    expect(run.stdout).not.toContain("Latchkey instance");
  }, 30_000);
});
