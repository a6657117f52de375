// Reads an app's .env.local, the file `latchkey dev` writes on its first run.
import { existsSync, readFileSync } from "node:fs";

/**
 * The `KEY=value` lines of a dotenv file (no quoting or expansion: `latchkey dev` writes it); an
 * empty object when there is no file.
 *
 * @example
 * readEnvFile(".env.local").CLERK_SECRET_KEY;
 */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const entries = readFileSync(path, "utf8")
    .split("\n")
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1], match[2]] as const);
  return Object.fromEntries(entries);
}
