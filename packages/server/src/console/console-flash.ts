import { parse as parseCookies, serialize } from "cookie";
import type { Context } from "hono";
import type { ConsoleEnv } from "./console-env.js";
import { CONSOLE_PATH } from "./console-setup.js";

const FLASH_COOKIE = "latchkey_console_flash";

/** A message shown once, on the page a change redirects to. */
export interface ConsoleFlash {
  kind: "success" | "error";
  text: string;
}

const secure = (c: Context<ConsoleEnv>) => new URL(c.req.url).protocol === "https:";

/** Keeps a message for the next page this browser loads. */
export function setFlash(c: Context<ConsoleEnv>, flash: ConsoleFlash): void {
  const value = Buffer.from(JSON.stringify(flash), "utf8").toString("base64url");
  c.header(
    "set-cookie",
    serialize(FLASH_COOKIE, value, {
      httpOnly: true,
      sameSite: "strict",
      path: CONSOLE_PATH,
      maxAge: 60,
      secure: secure(c),
    }),
    { append: true },
  );
}

/** The message kept for this page, cleared as it is read; null when none. */
export function takeFlash(c: Context<ConsoleEnv>): ConsoleFlash | null {
  const header = c.req.header("cookie");
  const value = header === undefined ? undefined : parseCookies(header)[FLASH_COOKIE];
  if (value === undefined || value === "") return null;
  c.header(
    "set-cookie",
    serialize(FLASH_COOKIE, "", {
      httpOnly: true,
      sameSite: "strict",
      path: CONSOLE_PATH,
      maxAge: 0,
    }),
    { append: true },
  );
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as ConsoleFlash;
    if ((parsed.kind === "success" || parsed.kind === "error") && typeof parsed.text === "string") {
      return { kind: parsed.kind, text: parsed.text.slice(0, 500) };
    }
  } catch {
    // A mangled cookie shows nothing.
  }
  return null;
}
