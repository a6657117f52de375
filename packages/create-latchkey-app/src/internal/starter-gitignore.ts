/**
 * The `.gitignore` of a new app: dependencies, builds, the instance's and the app's local data,
 * and `.env*.local` (keys). `vendor/` is kept: a fresh clone installs from it.
 *
 * @example
 * files.set(".gitignore", STARTER_GITIGNORE);
 */
export const STARTER_GITIGNORE = `# Dependencies and builds
node_modules/
.next/
out/
*.tsbuildinfo
next-env.d.ts

# Keys and local settings, written by \`npm run dev\`
.env*.local

# Local data: the app's synced users (.data/) and a Latchkey instance started here (.latchkey/)
.data/
.latchkey/

# Logs and test output
npm-debug.log*
pnpm-debug.log*
test-results/
playwright-report/
`;
