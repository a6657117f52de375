#!/usr/bin/env node
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "./create-app.js";
import { CreateAppError } from "./create-app-error.js";

const USAGE = `Usage: create-latchkey-app <dir> [options]

Creates a Next.js 16 app on Latchkey in <dir> (new or empty): sign-up, sign-in, a protected
dashboard, API routes, organizations and a webhook consumer, and a dev script that starts a
Latchkey instance beside next dev.

Options:
  --registry      Depend on the @latchkey/* packages by registry range (^x.y.z) instead of
                  tarballs in <dir>/vendor/ (the default inside the Latchkey repository; a
                  published create-latchkey-app always uses the registry)
  --name <name>   The app's package name (default: from <dir>)
  -h, --help      Show this help`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      registry: { type: "boolean" },
      name: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) {
    throw new CreateAppError("bad-arguments", `Give one folder to create.\n\n${USAGE}`);
  }
  // `pnpm create-app <dir>` runs in the repository's root; INIT_CWD is where it was typed.
  const base = process.env.INIT_CWD || process.cwd();
  const app = await createApp({
    directory: resolve(base, positionals[0]!),
    ...(values.registry ? { registry: true } : {}),
    ...(values.name ? { name: values.name } : {}),
  });
  const nearby = relative(base, app.directory) || ".";
  const where = nearby.startsWith("..") ? app.directory : nearby;
  const from =
    app.packages === "vendored"
      ? "the @latchkey/* packages are in vendor/ (tarballs)"
      : "the @latchkey/* packages come from the registry";
  console.log(`Created ${app.name} in ${app.directory} (${app.files.length} files; ${from}).

Next:
  cd ${where}
  npm install      # or: pnpm install
  npm run dev      # or: pnpm dev — an instance on :4100, the app on http://localhost:3000`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`create-latchkey-app: ${message}`);
  process.exit(error instanceof CreateAppError && error.code === "bad-arguments" ? 2 : 1);
});
