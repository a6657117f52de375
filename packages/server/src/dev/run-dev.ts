// `latchkey dev`: one app in development beside its own Latchkey instance. Checks both ports,
// starts the instance with what the app's latchkey.dev.json asks for, writes the app's
// .env.local on the first run, then runs the app command and watches it: Ctrl-C stops both, and
// the app's exit stops the instance.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, isAbsolute, join, relative, resolve } from "node:path";
import type { Logger } from "../logger.js";
import { DEV_CONFIG_FILE, loadDevConfig } from "./dev-config.js";
import { devEnvironment } from "./dev-environment.js";
import { chooseDevPorts, type DevWording, devPortSettings } from "./dev-ports.js";
import { DevSetupError } from "./dev-setup-error.js";
import { readEnvFile } from "./read-env-file.js";
import { startDevInstance } from "./start-dev-instance.js";

/** Options of {@link runDev}; the flags of `latchkey dev` map onto these. */
export interface RunDevOptions {
  /** The app's folder (default: the working directory). */
  appDir?: string;
  /** The app's dev config; default `<appDir>/latchkey.dev.json`, which may be absent. */
  configFile?: string;
  /** The app command and its arguments (default `next dev`, with the chosen `--port`). */
  appCommand?: readonly string[];
  /** PGlite data folder; default `LATCHKEY_DATA_DIR`, else `<appDir>/node_modules/.cache/latchkey`. */
  dataDir?: string;
  /** PostgreSQL connection string for the instance, instead of PGlite. */
  databaseUrl?: string;
  /** The environment `latchkey dev` was started with (default `process.env`): `PORT`, `LATCHKEY_PORT`… */
  env?: Record<string, string | undefined>;
  /** Where the runner's own lines go (default: the console; problems to stderr). */
  output?: DevOutput;
  /** The instance's logger (default: JSON lines on the console). */
  logger?: Logger;
}

/** Where `latchkey dev` says what it does ({@link RunDevOptions.output}). */
export interface DevOutput {
  log(line: string): void;
  error(line: string): void;
}

const consoleOutput: DevOutput = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};

/** How long the app may take to stop after SIGTERM before it is killed. */
const APP_STOP_GRACE_MS = 10_000;

/**
 * How the user started this run, to say in messages: `pnpm dev`, `npm run dev`… from the
 * package manager's variables, else `latchkey dev`.
 */
function rerunCommand(env: Record<string, string | undefined>): string {
  const script = env.npm_lifecycle_event;
  const manager = /^(pnpm|npm|yarn|bun)\//.exec(env.npm_config_user_agent ?? "")?.[1];
  if (!script || !manager) return "latchkey dev";
  if (manager === "npm" || manager === "bun") return `${manager} run ${script}`;
  return `${manager} ${script}`;
}

/** `path` as the user would type it from where they started (INIT_CWD), else absolute. */
function shownPath(path: string, env: Record<string, string | undefined>): string {
  const shown = relative(env.INIT_CWD || process.cwd(), path);
  return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? path : shown;
}

/** The command and arguments to spawn for the app. */
function appProcess(
  appDir: string,
  appCommand: readonly string[] | undefined,
  appPort: number,
): { command: string; args: string[]; shown: string } {
  if (appCommand && appCommand.length > 0) {
    const [command, ...args] = appCommand as [string, ...string[]];
    return { command, args, shown: appCommand.join(" ") };
  }
  let nextBin: string;
  try {
    nextBin = createRequire(join(appDir, "package.json")).resolve("next/dist/bin/next");
  } catch (cause) {
    throw new DevSetupError(
      "app-command-failed",
      `Next.js is not installed in ${appDir}: install the app's dependencies (npm install), or name the app command: latchkey dev -- <command…>`,
      { cause },
    );
  }
  return {
    command: process.execPath,
    args: [nextBin, "dev", "--port", String(appPort)],
    shown: "next dev",
  };
}

function writeEnvFile(path: string, env: Record<string, string>): void {
  const lines = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  const header = "# Written by `latchkey dev` for the local Latchkey instance. Keep it out of git.";
  writeFileSync(path, `${header}\n${lines.join("\n")}\n`, { mode: 0o600 });
}

/** Resolves once the child has exited or failed to start. */
function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
    child.once("error", () => done());
  });
}

/**
 * Runs an app in development beside a Latchkey instance, and resolves with the exit code once
 * both have stopped: the app's own code when it exits, 0 after Ctrl-C (SIGINT or SIGTERM), 1 when
 * the app command cannot be started. Ports and keys are settled before anything starts (see
 * {@link chooseDevPorts}, {@link devEnvironment}); `.env.local` is written when missing.
 *
 * @throws DevSetupError `port-invalid`, `ports-clash`, `port-taken`, `config-unreadable`,
 *   `config-invalid`, `jwt-template-refused`, `app-command-failed` (Next.js not installed): all
 *   before the app starts, with a message that says what to do.
 * @throws InstanceConfigError when the kept `CLERK_SECRET_KEY` is malformed
 * @example
 * process.exitCode = await runDev({ appDir: process.cwd(), appCommand: ["next", "dev", "--turbopack"] });
 */
export async function runDev(options: RunDevOptions = {}): Promise<number> {
  const commandLine = options.env ?? process.env;
  const output = options.output ?? consoleOutput;
  const print = output.log;
  const appDir = resolve(options.appDir ?? process.cwd());
  const envFile = join(appDir, ".env.local");
  const wording: DevWording = {
    envFile: shownPath(envFile, commandLine),
    rerun: rerunCommand(commandLine),
  };
  const config = options.configFile
    ? loadDevConfig(resolve(options.configFile), { required: true })
    : loadDevConfig(join(appDir, DEV_CONFIG_FILE));
  const kept = readEnvFile(envFile);

  // Both ports are checked before anything starts.
  const ports = await chooseDevPorts(devPortSettings(commandLine, kept, wording));
  for (const note of ports.notes) print(`Note: ${note}`);
  const app = appProcess(appDir, options.appCommand, ports.appPort);
  const appUrl = `http://localhost:${ports.appPort}`;

  const { instance, env: instanceEnv } = await startDevInstance({
    port: ports.instancePort,
    // The instance lets this origin call its Frontend API and sends webhooks to it.
    appUrl,
    config,
    keptEnv: kept,
    // Not in a folder `next dev` watches: the instance writes on every request, and a watched
    // folder would reload the page on each write. Watchers ignore node_modules.
    ...(options.databaseUrl
      ? { databaseUrl: options.databaseUrl }
      : {
          dataDir:
            options.dataDir ||
            commandLine.LATCHKEY_DATA_DIR ||
            join(appDir, "node_modules", ".cache", "latchkey"),
        }),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  let child: ChildProcess;
  try {
    if (!existsSync(envFile)) {
      writeEnvFile(envFile, instanceEnv);
      print(`Wrote ${wording.envFile}`);
    }

    // The app reads .env.local itself (Next does), but variables set on the process win over
    // the file: the file's values are handed on (an edited .env.local is respected) under the
    // command line's, and the running instance's URL and key on top of both.
    const appEnv = devEnvironment({
      instanceEnv,
      envFile: kept,
      commandLine,
      appPort: ports.appPort,
      envFileLabel: wording.envFile,
    });
    for (const note of appEnv.notes) print(`Note: ${note}`);

    print(`Latchkey instance  ${instance.url}`);
    print(`Dev mailbox        ${instance.publicUrl}/__dev/mailbox`);
    if (instance.consoleUrl !== null) {
      print(`Console            ${instance.consoleUrl}  (sign in with CLERK_SECRET_KEY)`);
    }
    print(`App                ${appUrl}  (${app.shown})`);

    const bin = join(appDir, "node_modules", ".bin");
    child = spawn(app.command, app.args, {
      cwd: appDir,
      stdio: "inherit",
      env: {
        ...commandLine,
        ...appEnv.env,
        PATH: [bin, commandLine.PATH].filter(Boolean).join(delimiter),
      },
      // Package binaries are .cmd files on Windows, which only a shell runs.
      shell: process.platform === "win32" && app.command !== process.execPath,
    });
  } catch (error) {
    await instance.close();
    throw error;
  }
  const exited = exitOf(child);

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = async (code: number) => {
      if (stopping) return;
      stopping = true;
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), APP_STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      await instance.close().catch((error: unknown) => {
        output.error(
          `Stopping the instance failed: ${error instanceof Error ? error.message : error}`,
        );
      });
      resolveExit(code);
    };
    const onSignal = () => void stop(0);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    child.once("error", (error: NodeJS.ErrnoException) => {
      const why = error.code === "ENOENT" ? "command not found" : error.message;
      output.error(`Could not start \`${app.shown}\` in ${appDir}: ${why}. Stopping the instance.`);
      void stop(1);
    });
    child.once("exit", (code, signal) => {
      if (!stopping) print(`\`${app.shown}\` exited (${signal ?? code}); stopping the instance.`);
      void stop(code ?? 0);
    });
  });
}
