/**
 * Next.js middleware benchmark: one production build of `nextjs-app/`, served by one `next start`
 * per case (each SDK alone in its process, as in an app), loaded over 20 keep-alive connections
 * from this process. Four cases, one route handler:
 *
 *   (i)   `/plain/…`     a route the proxy does not match;
 *   (ii)  `/next/…`      a proxy that only returns `NextResponse.next()`;
 *   (ii+) `/forward/…`   a proxy that adds one request header for the page, the floor of any
 *                        middleware that hands its verdict on (Next then rebuilds the headers);
 *   (iii) `/latchkey/…`  our `clerkMiddleware` + `auth.protect()`, valid `__session` cookie;
 *   (iv)  `/clerk/…`     `@clerk/nextjs`'s `clerkMiddleware` + `auth.protect()`, same cookie,
 *                        networkless (`jwtKey` passed as an option).
 *
 * Each case first runs a 6 s warm-up (the JIT settles the proxy's and Next's code paths over a few
 * thousand requests; a server's steady state is what counts). Then short rounds are interleaved
 * (each case runs once per round, in turn, every other round in reverse order: 0.25 s to settle,
 * then 1.25 s measured) so machine
 * noise, which here comes in bursts of seconds, spreads over all cases alike and the cases a goal
 * compares run side by side; each case reports the median of its per-round throughput
 * and of its per-round median latency. Builds the app first when `.next/BUILD_ID` is missing or
 * older than the app's sources. Run: `pnpm bench` (or `tsx bench/nextjs-middleware.bench.ts`).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mintSessionToken } from "./mint-session-token.js";

const ROUNDS = 24;
const LOAD_CPU = "0";
const SERVER_CPU = "1";
const SECONDS_PER_CASE = 1.25;
// Load sent before each measured slot and not counted: a server that sat idle while the others ran
// needs a moment to refill its caches, and steady state is what is measured.
const SETTLE_SECONDS = 0.25;
const WARM_UP_SECONDS = 6;
const CONNECTIONS = 20;
// `localhost`, not 127.0.0.1: @clerk/nextjs hands its verdict on through a rewrite to the request's
// own URL, which Next serves in-process only when that URL's host is the one `next start` was given.
const HOST = "localhost";

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, "nextjs-app");
const nextBin = join(appDir, "node_modules", "next", "dist", "bin", "next");
// Values that only have to look right: nothing here talks to an instance.
const SECRET_KEY = "sk_live_latchkeyBenchmarkSecretKey0000000000";
const PUBLISHABLE_KEY = `pk_live_${Buffer.from("clerk.localhost$").toString("base64")}`;

interface Case {
  label: string;
  name: string;
  path: string;
}

const CASES: Case[] = [
  { label: "i", name: "route not matched by the proxy", path: "/plain/page" },
  { label: "ii", name: "proxy returning NextResponse.next()", path: "/next/page" },
  { label: "ii+", name: "proxy adding one request header", path: "/forward/page" },
  { label: "iii", name: "latchkey clerkMiddleware + protect()", path: "/latchkey/page" },
  { label: "iv", name: "@clerk/nextjs clerkMiddleware + protect()", path: "/clerk/page" },
];

interface Sample {
  requestsPerSecond: number;
  medianMillis: number;
  /** CPU time of the `next start` process per request (user + system), when Linux tells it. */
  serverCpuMicros: number;
  /** CPU time of this process (the load generator) per request. */
  clientCpuMicros: number;
}

interface Reply {
  status: number;
  location: string | undefined;
  body: string;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The newest modification time under `path` (files only), skipping build output and deps. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === ".next" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** User + system CPU of a process and all its threads, in µs (Linux `/proc`; NaN elsewhere). */
function cpuMicrosOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15, in
    // clock ticks (USER_HZ, 100 on Linux).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

const sumCpu = ({ user, system }: NodeJS.CpuUsage): number => user + system;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`)),
    );
  });
}

/** Builds the app unless a build newer than its sources and our SDK's output exists. */
async function ensureBuilt(env: NodeJS.ProcessEnv): Promise<void> {
  const buildId = join(appDir, ".next", "BUILD_ID");
  const nextjsDist = join(appDir, "node_modules", "@latchkey", "nextjs", "dist");
  const inputs = Math.max(
    newestMtime(appDir),
    existsSync(nextjsDist) ? newestMtime(nextjsDist) : 0,
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= inputs) return;
  console.log("building bench/nextjs-app (next build)…");
  await run(process.execPath, [nextBin, "build"], appDir, env);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function get(agent: Agent, port: number, path: string, headers: Record<string, string>) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ host: HOST, port, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitUntilReady(agent: Agent, port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await get(agent, port, "/plain/ready", {})).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("next start did not answer within 60 s");
}

/** Sends requests on `CONNECTIONS` concurrent loops for `seconds`; every answer must be 200. */
async function load(
  agent: Agent,
  port: number,
  serverPid: number | undefined,
  path: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<Sample> {
  const latencies: number[] = [];
  const cpuBefore = cpuMicrosOf(serverPid);
  const ownBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const reply = await get(agent, port, path, headers);
      if (reply.status !== 200) throw new Error(`${path} answered ${reply.status} under load`);
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const elapsed = (performance.now() - start) / 1000;
  return {
    requestsPerSecond: latencies.length / elapsed,
    medianMillis: median(latencies),
    serverCpuMicros: (cpuMicrosOf(serverPid) - cpuBefore) / latencies.length,
    clientCpuMicros: sumCpu(process.cpuUsage(ownBefore)) / latencies.length,
  };
}

/** Correctness first: a case that does not authenticate (or does not protect) measures nothing. */
async function checkCases(
  agent: Agent,
  portOf: (c: Case) => number,
  signedIn: Record<string, string>,
) {
  const forged = `${signedIn.cookie!.slice(0, -8)}AAAAAAAA`;
  const document = { accept: "text/html", "sec-fetch-dest": "document" };
  for (const c of CASES) {
    const port = portOf(c);
    const ok = await get(agent, port, c.path, signedIn);
    if (ok.status !== 200 || ok.body !== "ok\n") {
      throw new Error(`(${c.label}) ${c.path} with the cookie answered ${ok.status}, not 200`);
    }
    if (c.label === "i" || c.label === "ii" || c.label === "ii+") continue;
    const api = await get(agent, port, c.path, {});
    const page = await get(agent, port, c.path, document);
    const bad = await get(agent, port, c.path, { cookie: forged });
    for (const [what, reply] of [
      ["no cookie", api],
      ["no cookie, document", page],
      ["forged signature", bad],
    ] as const) {
      if (reply.status === 200) throw new Error(`(${c.label}) ${c.path} let in: ${what}`);
    }
    const where = page.location ? ` → ${page.location.split("?")[0]}` : "";
    console.log(
      `  (${c.label}) cookie 200 · no cookie ${api.status} · document ${page.status}${where} · forged ${bad.status}`,
    );
  }
}

// One `next start` per case, all serving the same build: each SDK runs alone in its process, as it
// would in an app, so one contender's garbage and JIT state never bill another.
const ports = new Map<string, number>();
for (const c of CASES) {
  let port = await freePort();
  while ([...ports.values()].includes(port)) port = await freePort();
  ports.set(c.label, port);
}
const portOf = (c: Case) => ports.get(c.label)!;
const origin = `http://${HOST}:${portOf(CASES[0]!)}`;
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  CLERK_JWT_KEY: publicKey.export({ type: "spki", format: "pem" }).toString(),
  CLERK_SECRET_KEY: SECRET_KEY,
  BENCH_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
  BENCH_ORIGIN: origin,
};

await ensureBuilt(env);
// With `taskset` and two or more cores, the servers share one core and this load generator keeps
// another, so neither steals the other's core and every case sees the same split.
const pinned =
  cpus().length >= 2 &&
  spawnSync("taskset", ["-p", "-c", LOAD_CPU, String(process.pid)]).status === 0;
const servers = new Map<string, ChildProcess>();
for (const c of CASES) {
  const args = [nextBin, "start", "-H", HOST, "-p", String(portOf(c))];
  const server = pinned
    ? spawn("taskset", ["-c", SERVER_CPU, process.execPath, ...args], {
        cwd: appDir,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      })
    : spawn(process.execPath, args, { cwd: appDir, env, stdio: ["ignore", "ignore", "inherit"] });
  servers.set(c.label, server);
}
const stopServers = () => {
  for (const server of servers.values()) if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("exit", stopServers);
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

try {
  for (const c of CASES) await waitUntilReady(agent, portOf(c), servers.get(c.label)!);
  const uat = Math.floor(Date.now() / 1000) - 60;
  const headers = {
    accept: "*/*",
    // The token's azp is the first server's origin: every server accepts it (authorizedParties).
    cookie: `__client_uat=${uat}; __session=${mintSessionToken(privateKey, { issuer: "https://clerk.localhost", azp: origin })}`,
  };
  console.log(
    `next start × ${CASES.length} (ports ${[...ports.values()].join(", ")}${pinned ? `; servers on CPU ${SERVER_CPU}, load on CPU ${LOAD_CPU}` : ""}); checking every case answers as it should`,
  );
  await checkCases(agent, portOf, headers);

  const samples = new Map<string, Sample[]>(CASES.map((c) => [c.label, []]));
  for (let round = -1; round < ROUNDS; round++) {
    // Every other round runs the cases in reverse (i ii iii iv, iv iii ii i, …), so a drift in
    // the machine's speed over a round favours no case's place in the order.
    for (const c of round % 2 === 0 ? CASES : [...CASES].reverse()) {
      const seconds = round < 0 ? WARM_UP_SECONDS : SECONDS_PER_CASE;
      if (round >= 0) {
        await load(agent, portOf(c), servers.get(c.label)!.pid, c.path, headers, SETTLE_SECONDS);
      }
      const sample = await load(
        agent,
        portOf(c),
        servers.get(c.label)!.pid,
        c.path,
        headers,
        seconds,
      );
      if (round >= 0) samples.get(c.label)!.push(sample);
    }
    process.stdout.write(round < 0 ? "warm-up done; rounds: " : `${round + 1} `);
  }
  console.log();

  const results = CASES.map((c) => {
    const own = samples.get(c.label)!;
    return {
      ...c,
      requestsPerSecond: median(own.map((s) => s.requestsPerSecond)),
      medianMillis: median(own.map((s) => s.medianMillis)),
      serverCpuMicros: median(own.map((s) => s.serverCpuMicros)),
    };
  });
  const rps = (label: string) => results.find((r) => r.label === label)!.requestsPerSecond;
  const width = Math.max(...results.map((r) => r.name.length)) + 6;
  console.log(
    `\nNext.js middleware (next start, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS_PER_CASE} s; medians)`,
  );
  console.log(
    `${"case".padEnd(width)}  ${"req/s".padStart(7)}  vs (ii)  ${"p50 ms".padStart(7)}  server CPU µs/req`,
  );
  for (const r of results) {
    console.log(
      `${`(${r.label}) ${r.name}`.padEnd(width)}  ${r.requestsPerSecond.toFixed(0).padStart(7)}  ${`${(r.requestsPerSecond / rps("ii")).toFixed(2)}×`.padStart(7)}  ${r.medianMillis.toFixed(2).padStart(7)}  ${r.serverCpuMicros.toFixed(0).padStart(17)}`,
    );
  }
  // Goals compare cases round by round: (ii), (iii) and (iv) of one round run seconds apart, so
  // the median of their per-round ratios is far less exposed to the machine's drift than a ratio
  // of two separate medians (printed too, in the table above).
  const pairedRatio = (a: string, b: string): number =>
    median(
      samples
        .get(a)!
        .map((s, round) => s.requestsPerSecond / samples.get(b)![round]!.requestsPerSecond),
    );
  const goals: [string, number, number][] = [
    ["(iii) ≥ 0.9 × (ii) throughput", pairedRatio("iii", "ii"), 0.9],
    ["(iii) ≥ 2 × (iv) throughput", pairedRatio("iii", "iv"), 2],
  ];
  console.log("\nGoals (median of per-round ratios)");
  for (const [goal, ratio, wanted] of goals)
    console.log(`  ${ratio >= wanted ? "met " : "MISS"}  ${goal}: ${ratio.toFixed(2)}×`);
  console.log(`  (reference: (iv) / (ii) = ${pairedRatio("iv", "ii").toFixed(2)}×)`);
  console.log(
    `  (reference: (ii+) / (ii) = ${pairedRatio("ii+", "ii").toFixed(2)}×, (iii) / (ii+) = ${pairedRatio("iii", "ii+").toFixed(2)}×)`,
  );
  // What the "≥ 2 × (iv)" goal can reach on this machine at all: a middleware that cost nothing
  // would run as (ii), and one that hands any verdict to the page costs at least (ii+).
  console.log(
    `  (ceiling for (iii) / (iv): a middleware costing nothing, (ii) / (iv) = ${pairedRatio("ii", "iv").toFixed(2)}×; one handing on a verdict, (ii+) / (iv) = ${pairedRatio("ii+", "iv").toFixed(2)}×)`,
  );
  const cpu = (label: string) => results.find((r) => r.label === label)!.serverCpuMicros;
  if (Number.isFinite(cpu("ii"))) {
    // CPU per request hardly depends on what else the machine runs, so it is the steadier view
    // when the machine is shared; the middleware's own cost is what it adds over (i).
    const over = (label: string) => (cpu(label) - cpu("i")).toFixed(0);
    const client = median([...samples.values()].flat().map((s) => s.clientCpuMicros));
    console.log(
      `  load generator (this process, same cores): ~${client.toFixed(0)} µs CPU per request`,
    );
    console.log(
      `  server CPU per request over (i): (ii) +${over("ii")} µs, (ii+) +${over("ii+")} µs, (iii) +${over("iii")} µs, (iv) +${over("iv")} µs`,
    );
  }
} finally {
  agent.destroy();
  stopServers();
}
