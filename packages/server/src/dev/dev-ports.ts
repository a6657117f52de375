// Which ports `latchkey dev` uses: the app's (PORT, default 3000) and the instance's
// (LATCHKEY_PORT, default 4100). A value given on the command line wins over the app's
// .env.local, which wins over the default. Both ports are checked before anything starts: a
// taken default moves to the next free port; a taken port that was asked for stops with a
// message saying which one and how to pick another.
import { createServer } from "node:net";
import { DevSetupError } from "./dev-setup-error.js";

/** Where a port came from: the command line, the app's env file, or the default. */
export type PortSource = "command line" | "env file" | "default";

/** How messages name the app's env file and the command that runs `latchkey dev` again. */
export interface DevWording {
  /** The env file as the user knows it, e.g. `apps/demo/.env.local`. */
  envFile: string;
  /** The command that started this run, e.g. `pnpm dev`; messages put variables before it. */
  rerun: string;
}

/** What messages say when nothing else is known. */
export const DEFAULT_DEV_WORDING: DevWording = { envFile: ".env.local", rerun: "latchkey dev" };

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
  /** Where the command line and the env file disagree, said in a line each. */
  notes: string[];
  wording: DevWording;
}

/** The ports to start on, and what was changed on the way. */
export interface ChosenPorts {
  appPort: number;
  instancePort: number;
  notes: string[];
}

const DEFAULTS = { PORT: 3000, LATCHKEY_PORT: 4100 } as const;

/** How far past a taken default port `latchkey dev` looks for a free one. */
const SEARCH = 20;

function parsePort(
  variable: "PORT" | "LATCHKEY_PORT",
  value: string,
  where: string,
  wording: DevWording,
): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65_535) {
    throw new DevSetupError(
      "port-invalid",
      `${variable}=${value} (${where}) is not a port: use a number from 1 to 65535, e.g. ${variable}=${DEFAULTS[variable]} ${wording.rerun}.`,
    );
  }
  return port;
}

function setting(
  variable: "PORT" | "LATCHKEY_PORT",
  commandLine: Record<string, string | undefined>,
  envFile: Record<string, string>,
  wording: DevWording,
  notes: string[],
): PortSetting {
  const given = commandLine[variable];
  const kept = envFile[variable];
  if (given !== undefined && given !== "") {
    const port = parsePort(variable, given, "command line", wording);
    if (kept !== undefined && kept !== "" && kept !== given) {
      notes.push(
        `${wording.envFile} says ${variable}=${kept}; the command line's ${variable}=${given} wins.`,
      );
    }
    return { variable, port, source: "command line" };
  }
  if (kept !== undefined && kept !== "") {
    return {
      variable,
      port: parsePort(variable, kept, wording.envFile, wording),
      source: "env file",
    };
  }
  return { variable, port: DEFAULTS[variable], source: "default" };
}

/**
 * The app's and the instance's ports: the command line's `PORT` / `LATCHKEY_PORT`, else the env
 * file's, else 3000 and 4100.
 *
 * @throws DevSetupError `port-invalid` when a value is not a port; `ports-clash` when both name
 *   the same port.
 * @example
 * devPortSettings({ PORT: "3001" }, readEnvFile(".env.local")).app.port; // 3001
 */
export function devPortSettings(
  commandLine: Record<string, string | undefined>,
  envFile: Record<string, string>,
  wording: DevWording = DEFAULT_DEV_WORDING,
): DevPortSettings {
  const notes: string[] = [];
  const app = setting("PORT", commandLine, envFile, wording, notes);
  const instance = setting("LATCHKEY_PORT", commandLine, envFile, wording, notes);
  if (app.port === instance.port) {
    throw new DevSetupError(
      "ports-clash",
      `PORT and LATCHKEY_PORT are both ${app.port}: the app and the instance need a port each, e.g. PORT=3000 LATCHKEY_PORT=4100 ${wording.rerun}.`,
    );
  }
  return { app, instance, notes, wording };
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

function takenMessage(
  setting: PortSetting,
  suggestion: number | null,
  wording: DevWording,
): string {
  const what = setting.variable === "PORT" ? "the app" : "the Latchkey instance";
  const where = setting.source === "env file" ? wording.envFile : setting.source;
  const pick = suggestion ?? setting.port + 1;
  return [
    `Port ${setting.port} for ${what} (${setting.variable}, from the ${where}) is taken: another program listens on it, perhaps an earlier \`${wording.rerun}\`.`,
    `Stop that program, or pick another port: ${setting.variable}=${pick} ${wording.rerun}`,
  ].join("\n");
}

/**
 * Checks both ports before anything starts. A taken port that was asked for (command line or
 * env file) is an error naming it and a free one to use instead; a taken default moves to the
 * next free port, and a note says so.
 *
 * @throws DevSetupError `port-taken`, naming the taken port and how to pick another
 *   (`PORT=3001 pnpm dev`).
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
      problems.push(takenMessage(current, free, settings.wording));
      continue;
    }
    chosen[key] = free;
    notes.push(
      `Port ${current.port} (${current.variable}) is taken, so ${key === "app" ? "the app" : "the instance"} uses ${free}. To choose yourself: ${current.variable}=${free} ${settings.wording.rerun}`,
    );
  }
  if (problems.length > 0) throw new DevSetupError("port-taken", problems.join("\n\n"));
  return { appPort: chosen.app, instancePort: chosen.instance, notes };
}
