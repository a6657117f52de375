import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { setConsolePassword } from "../console/console-password.js";
import { openStore } from "../store/open-store.js";
import { webhookEventData } from "../wire/webhook-event-data.js";
import { STORAGE_FLAG_OPTIONS, STORAGE_FLAGS_USAGE, storageFromFlags } from "./storage-flags.js";

/** Help of `latchkey console`. */
export const CONSOLE_USAGE = `Usage: latchkey console set-password [options]

Sets the password of the admin console (/console), besides the secret key; at least 12
characters, kept only as an argon2id hash. Read from standard input (piped), or asked for
without echo on a terminal.

Options:
${STORAGE_FLAGS_USAGE}
  -h, --help             Show this help`;

/** Reads the password: the first line of piped input, or typed on a terminal without echo. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? "";
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      lines.question(question, (answer) => {
        process.stdout.write("\n");
        resolve(answer);
      });
      muted = true;
    });
  try {
    const password = await ask("Console password: ");
    muted = false;
    const again = await ask("Again: ");
    if (again !== password) throw new Error("The two passwords differ; nothing was changed.");
    return password;
  } finally {
    lines.close();
  }
}

/**
 * `latchkey console set-password`: sets the console password in the instance's database.
 *
 * @throws Error for an unknown subcommand, both storage options, or a short password
 */
export async function consoleCommand(args: string[]): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === "--help" || subcommand === "-h") {
    console.log(CONSOLE_USAGE);
    return;
  }
  if (subcommand !== "set-password") {
    throw new Error(`Unknown console command "${subcommand}". Run: latchkey console --help`);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      ...STORAGE_FLAG_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(CONSOLE_USAGE);
    return;
  }
  const storage = storageFromFlags(values, process.env.DATABASE_URL);
  const password = await readPassword();
  const store = await openStore({
    ...storage,
    renderEventData: webhookEventData(),
  });
  try {
    await setConsolePassword(store, password);
  } finally {
    await store.close();
  }
  console.log("Console password set. Sign in at <instance>/console with it or the secret key.");
}
