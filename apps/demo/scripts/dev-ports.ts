// Which ports `pnpm dev` uses: the app's (PORT, default 3000) and the instance's (LATCHKEY_PORT,
// default 4100). A value given on the command line wins over apps/demo/.env.local, which wins
// over the default. Both ports are checked before anything starts: a taken default moves to the
// next free port; a taken port that was asked for stops `pnpm dev` with a message saying which
// one and how to pick another.
import { createServer } from "node:net";

/** Where a port came from. */
export type PortSource = "command line" | "apps/demo/.env.local" | "default";

/** One of the two ports, with where it came from. */
export interface PortSetting {
  variable: "PORT" | "LATCHKEY_PORT";
  port: number;
  source: PortSource;
}

/** The app's and the instance's port settings. */
export interface DevPortSettings {
  app: PortSetting;
  instance: PortSetting;
  /** Where the command line and apps/demo/.env.local disagree, said in a line each. */
  notes: string[];
}

/** The ports to start on, and what was changed on the way. */
export interface ChosenPorts {
  appPort: number;
  instancePort: number;
  notes: string[];
}

/** `pnpm dev` cannot start; the message says why and what to do. */
export class DevSetupError extends Error {
  override readonly name = "DevSetupError";
}

const DEFAULTS = { PORT: 3000, LATCHKEY_PORT: 4100 } as const;

/** How far past a taken default port `pnpm dev` looks for a free one. */
const SEARCH = 20;

function parsePort(variable: string, value: string, source: PortSource): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65_535) {
    throw new DevSetupError(
      `${variable}=${value} (${source}) is not a port: use a number from 1 to 65535, e.g. ${variable}=${DEFAULTS[variable as keyof typeof DEFAULTS]} pnpm dev.`,
    );
  }
  return port;
}

function setting(
  variable: "PORT" | "LATCHKEY_PORT",
  commandLine: Record<string, string | undefined>,
  envFile: Record<string, string>,
  notes: string[],
): PortSetting {
  const given = commandLine[variable];
  const kept = envFile[variable];
  if (given !== undefined && given !== "") {
    const port = parsePort(variable, given, "command line");
    if (kept !== undefined && kept !== "" && kept !== given) {
      notes.push(
        `apps/demo/.env.local says ${variable}=${kept}; the command line's ${variable}=${given} wins.`,
      );
    }
    return { variable, port, source: "command line" };
  }
  if (kept !== undefined && kept !== "") {
    return {
      variable,
      port: parsePort(variable, kept, "apps/demo/.env.local"),
      source: "apps/demo/.env.local",
    };
  }
  return { variable, port: DEFAULTS[variable], source: "default" };
}

/**
 * The app's and the instance's ports: the command line's `PORT` / `LATCHKEY_PORT`, else
 * apps/demo/.env.local's, else 3000 and 4100.
 *
 * @throws {DevSetupError} when a value is not a port, or both name the same port.
 * @example
 * devPortSettings({ PORT: "3001" }, readEnvFile(".env.local")).app.port; // 3001
 */
export function devPortSettings(
  commandLine: Record<string, string | undefined>,
  envFile: Record<string, string>,
): DevPortSettings {
  const notes: string[] = [];
  const app = setting("PORT", commandLine, envFile, notes);
  const instance = setting("LATCHKEY_PORT", commandLine, envFile, notes);
  if (app.port === instance.port) {
    throw new DevSetupError(
      `PORT and LATCHKEY_PORT are both ${app.port}: the app and the instance need a port each, e.g. PORT=3000 LATCHKEY_PORT=4100 pnpm dev.`,
    );
  }
  return { app, instance, notes };
}

function canListen(port: number, host: string): Promise<boolean | "no-such-address"> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT" ? "no-such-address" : false,
      );
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Whether nothing listens on `port`, on the loopback address the instance uses and on every
 * address (`::`, else `0.0.0.0`) as `next dev` does.
 *
 * @example
 * await isPortFree(3000);
 */
export async function isPortFree(port: number): Promise<boolean> {
  if ((await canListen(port, "127.0.0.1")) !== true) return false;
  const any = await canListen(port, "::");
  if (any === "no-such-address") return (await canListen(port, "0.0.0.0")) === true;
  return any;
}

async function nextFree(
  from: number,
  avoid: number,
  isFree: (port: number) => Promise<boolean>,
): Promise<number | null> {
  for (let port = from + 1; port <= Math.min(from + SEARCH, 65_535); port++) {
    if (port !== avoid && (await isFree(port))) return port;
  }
  return null;
}

function takenMessage(setting: PortSetting, suggestion: number | null): string {
  const what = setting.variable === "PORT" ? "the demo app" : "the Latchkey instance";
  const pick = suggestion ?? setting.port + 1;
  return [
    `Port ${setting.port} for ${what} (${setting.variable}, from the ${setting.source}) is taken: another program listens on it, perhaps an earlier \`pnpm dev\`.`,
    `Stop that program, or pick another port: ${setting.variable}=${pick} pnpm dev`,
  ].join("\n");
}

/**
 * Checks both ports before anything starts. A taken port that was asked for (command line or
 * apps/demo/.env.local) is an error naming it and a free one to use instead; a taken default
 * moves to the next free port, and a note says so.
 *
 * @throws {DevSetupError} naming the taken port and how to pick another (`PORT=3001 pnpm dev`).
 * @example
 * const { appPort, instancePort, notes } = await chooseDevPorts(devPortSettings(process.env, file));
 */
export async function chooseDevPorts(
  settings: DevPortSettings,
  isFree: (port: number) => Promise<boolean> = isPortFree,
): Promise<ChosenPorts> {
  const notes = [...settings.notes];
  const problems: string[] = [];
  const chosen: Record<"app" | "instance", number> = {
    app: settings.app.port,
    instance: settings.instance.port,
  };
  for (const key of ["instance", "app"] as const) {
    const current = settings[key];
    const other = key === "app" ? chosen.instance : chosen.app;
    if (await isFree(current.port)) continue;
    const free = await nextFree(current.port, other, isFree);
    if (current.source !== "default" || free === null) {
      problems.push(takenMessage(current, free));
      continue;
    }
    chosen[key] = free;
    notes.push(
      `Port ${current.port} (${current.variable}) is taken, so ${key === "app" ? "the demo app" : "the instance"} uses ${free}. To choose yourself: ${current.variable}=${free} pnpm dev`,
    );
  }
  if (problems.length > 0) throw new DevSetupError(problems.join("\n\n"));
  return { appPort: chosen.app, instancePort: chosen.instance, notes };
}
