// The environment the app gets from `latchkey dev`: what the running instance says about itself
// wins, so the app never calls an instance that is not there.

/** Variables whose value comes from the running instance and its port. */
const FROM_INSTANCE = [
  "CLERK_API_URL",
  "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
  "CLERK_FAPI_URL",
] as const;

/** The environment of the app, and where the inputs disagreed. */
export interface DevEnvironment {
  env: Record<string, string>;
  notes: string[];
}

/**
 * Layers the app's environment: the instance's values, under the env file (so an edited file is
 * respected), under the command line (values given there win); then the values that describe
 * the running instance (its URL, its publishable key) and the app's port are put back on top.
 * Each value of the file or the command line that disagreed with the running instance is
 * reported, so a kept .env.local can never point the app at an old port unnoticed.
 *
 * @example
 * const { env, notes } = devEnvironment({ instanceEnv, envFile, commandLine: process.env, appPort });
 */
export function devEnvironment(input: {
  instanceEnv: Record<string, string>;
  envFile: Record<string, string>;
  commandLine: Record<string, string | undefined>;
  appPort: number;
  /** The env file as messages name it (default `.env.local`). */
  envFileLabel?: string;
}): DevEnvironment {
  const envFileLabel = input.envFileLabel ?? ".env.local";
  const given = Object.fromEntries(
    Object.entries(input.commandLine).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const notes: string[] = [];
  for (const name of FROM_INSTANCE) {
    const actual = input.instanceEnv[name];
    if (actual === undefined) continue;
    for (const [where, values, advice] of [
      [envFileLabel, input.envFile, " Update or delete that line."],
      ["the command line", input.commandLine, ""],
    ] as const) {
      const value = values[name];
      if (value !== undefined && value !== "" && value !== actual) {
        notes.push(
          `${where} has ${name}=${value}, but the instance runs with ${actual}: using the instance's.${advice}`,
        );
      }
    }
  }
  const fromInstance = Object.fromEntries(
    FROM_INSTANCE.flatMap((name) => {
      const value = input.instanceEnv[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
  return {
    env: {
      ...input.instanceEnv,
      ...input.envFile,
      ...given,
      ...fromInstance,
      PORT: String(input.appPort),
    },
    notes,
  };
}
