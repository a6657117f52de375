// Every log line of the end-to-end run (the instance's logger and the demo's stdout/stderr) is
// kept and, at teardown, scanned for secrets: the secret key, the webhook signing secret, the
// passwords the specs use, every email code the instance sent, and anything shaped like a JWT.
// A hit fails the run.
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { IMPORTED_USER } from "./clerk-export";
import { EARLY_PASSWORD, PASSWORD } from "./fixtures";

/** Appends log lines to one file. */
export function logFile(path: string): (line: string) => void {
  mkdirSync(dirname(path), { recursive: true });
  return (line) => appendFileSync(path, line.endsWith("\n") ? line : `${line}\n`);
}

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/;

/**
 * Scans the log files for secrets and returns what was found (file, line number, kind; never the
 * secret itself).
 */
export function scanLogs(
  files: readonly string[],
  secrets: Record<string, readonly string[]>,
): string[] {
  const findings: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    text.split("\n").forEach((line, index) => {
      if (JWT.test(line)) findings.push(`${file}:${index + 1}: a JWT`);
      for (const [kind, values] of Object.entries(secrets)) {
        for (const value of values) {
          if (
            value.length >= 6 &&
            new RegExp(`(^|[^0-9A-Za-z])${escapeRegExp(value)}($|[^0-9A-Za-z])`).test(line)
          ) {
            findings.push(`${file}:${index + 1}: ${kind}`);
          }
        }
      }
    });
  }
  return findings;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The passwords the specs type (kept here so the scan and the specs agree). */
export const SPEC_PASSWORDS: readonly string[] = [
  PASSWORD,
  EARLY_PASSWORD,
  "not-the-password-1",
  IMPORTED_USER.password,
];
