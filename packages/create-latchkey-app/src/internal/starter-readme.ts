/** What {@link starterReadme} needs to know about the app. */
export interface StarterReadmeOptions {
  /** The app's package name (the title). */
  name: string;
  /** The demo's README: the sections that describe the app itself are carried over. */
  demoReadme?: string;
  /** `vendored`: the `@latchkey/*` packages come from tarballs in `vendor/`. */
  packages: "vendored" | "registry";
}

/** Sections of the demo's README about the app itself (not about running it in the repository). */
const CARRIED_SECTIONS = ["What is where", "Calling the Backend API", "Environment"];

/** The `## ` sections of a Markdown text, by heading; fenced code is not searched for headings. */
function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  let heading: string | undefined;
  let body: string[] = [];
  let fenced = false;
  const flush = () => {
    if (heading !== undefined) found.set(heading, body.join("\n").trim());
  };
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const match = fenced ? null : /^## (.+)$/.exec(line);
    if (match) {
      flush();
      heading = match[1]?.trim();
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  return found;
}

const VENDORED = `## The Latchkey packages

\`@latchkey/nextjs\` (and \`@latchkey/backend\`, which it uses) and \`@latchkey/server\` are installed
from the tarballs in \`vendor/\`: \`package.json\` names them with \`file:\` ranges, and its
\`overrides\` (npm) and \`pnpm.overrides\` make the packages' dependencies on each other resolve to
the same tarballs. Keep \`vendor/\` in git. When the packages are on your registry, switch with:
replace each \`file:vendor/…\` range with \`^\` and the version in the file name, delete
\`overrides\`, \`pnpm.overrides\` and \`vendor/\`, and install again.`;

const REGISTRY = `## The Latchkey packages

\`@latchkey/nextjs\` (with \`@latchkey/backend\`, which it uses) and \`@latchkey/server\` come from
your npm registry; \`npm update\` or \`pnpm update\` moves them within their ranges.`;

/**
 * The README of a new app: how to run it on its own (install, `dev`, production), where the
 * Latchkey packages come from, then the demo README's sections that describe the app's files,
 * the Backend API client and the environment.
 *
 * @example
 * starterReadme({ name: "my-app", demoReadme, packages: "vendored" });
 */
export function starterReadme(options: StarterReadmeOptions): string {
  const carried = options.demoReadme ? sections(options.demoReadme) : new Map<string, string>();
  const parts = [
    `# ${options.name}

A Next.js 16 app authenticated by Latchkey, the Clerk-compatible auth server you run yourself:
sign-up, sign-in, a protected dashboard, API routes, organizations and a webhook consumer.
Made with \`create-latchkey-app\`; all of it is yours to change.`,
    `## Run it

\`\`\`sh
npm install
npm run dev        # or: pnpm install && pnpm dev
\`\`\`

\`npm run dev\` runs \`latchkey dev\` (from \`@latchkey/server\`): it starts a Latchkey instance on
<http://localhost:4100>, with an embedded PGlite database in \`node_modules/.cache/latchkey\`
(outside what \`next dev\` watches; \`LATCHKEY_DATA_DIR\` moves it), creates what
\`latchkey.dev.json\` asks for (the JWT template, the webhook endpoint to \`/api/webhooks\` whose
signing secret becomes \`CLERK_WEBHOOK_SIGNING_SECRET\`), writes \`.env.local\` with the instance's
keys the first time, and runs \`next dev\` on <http://localhost:3000>. \`PORT\` and
\`LATCHKEY_PORT\` change the two ports; when 3000 or 4100 is taken it uses the next free one and
says so. Ctrl-C stops both. \`npx latchkey dev --help\` explains \`latchkey.dev.json\`. In development no email is sent: codes land in the instance's mailbox at
<http://localhost:4100/__dev/mailbox>, and addresses with \`+clerk_test\` (\`you+clerk_test@example.com\`)
accept the code \`424242\`.`,
    options.packages === "vendored" ? VENDORED : REGISTRY,
    `## In production

Build with \`npm run build\` and serve with \`npm start\`. Run the instance where the app can reach
it, on PostgreSQL, with the app's origin allowed and an email transport (\`LATCHKEY_SMTP_URL\`):

\`\`\`sh
npx latchkey start --production --database-url postgres://user@host:5432/auth \\
  --allowed-origin https://app.example.com --write-env .env.production.local
\`\`\`

Give the app \`CLERK_SECRET_KEY\`, \`NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY\` and \`CLERK_API_URL\` from that
file. Create the JWT template and the webhook endpoint that \`latchkey.dev.json\` lists once for the
production instance, through its Backend API. \`npx latchkey start --help\` lists
every flag.`,
    ...CARRIED_SECTIONS.flatMap((heading) => {
      const body = carried.get(heading);
      return body ? [`## ${heading}\n\n${body}`] : [];
    }),
  ];
  return `${parts.join("\n\n")}\n`;
}
