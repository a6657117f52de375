/** Why `latchkey dev` could not start; callers `switch (error.code)`. */
export type DevSetupErrorCode =
  /** A port setting is not a port number. */
  | "port-invalid"
  /** The app and the instance were given the same port. */
  | "ports-clash"
  /** A port that was asked for is taken, or no free port was found near a taken default. */
  | "port-taken"
  /** The app's `latchkey.dev.json` cannot be read or is not JSON. */
  | "config-unreadable"
  /** The app's `latchkey.dev.json` has a field that is missing, of the wrong kind or unknown. */
  | "config-invalid"
  /** The instance refused a JWT template of the app's config. */
  | "jwt-template-refused"
  /** The app command cannot be found or started. */
  | "app-command-failed";

/**
 * `latchkey dev` cannot start: the message says why and what to do, for a person; `code` says
 * which problem it is, for a program. `field` names the config field at fault
 * (`webhooks[0].path`) for `config-invalid`.
 *
 * @example
 * throw new DevSetupError("port-taken", "Port 3000 for the app (PORT, from the default) is taken.");
 */
export class DevSetupError extends Error {
  override readonly name = "DevSetupError";
  readonly code: DevSetupErrorCode;
  readonly field: string | undefined;

  constructor(
    code: DevSetupErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}
