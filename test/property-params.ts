/**
 * Parameters for fast-check properties, shared by every package's tests: a seed that is printed
 * (with the command that replays it) when a property fails, and the run counts of fuzz tests.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { TestRunner } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * `params` for `fc.assert`, plus a seed: `FC_SEED` when set (and then `FC_PATH`, to go straight
 * to a shrunk counterexample), else a random one. When the property fails, its error says the
 * seed, the path and the command that replays exactly that run.
 *
 * @example
 * fc.assert(fc.property(fc.string(), (s) => parse(s) !== undefined), propertyParams({ numRuns: 500 }));
 * // on failure: … Replay: FC_SEED=-1205 FC_PATH=42:1:0 pnpm vitest run packages/…/x.test.ts -t 'parses'
 */
export function propertyParams<Ts>(params: fc.Parameters<NoInfer<Ts>> = {}): fc.Parameters<Ts> {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Vitest, which turbo does not run
  const fixed = process.env.FC_SEED;
  const seed = fixed === undefined || fixed === "" ? randomSeed() : Number(fixed);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${fixed}`);
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Vitest, which turbo does not run
  const path = fixed === undefined ? undefined : process.env.FC_PATH || undefined;
  return {
    ...params,
    seed,
    ...(path === undefined ? {} : { path }),
    plugins: [...(params.plugins ?? []), replayOnFailure<Ts>()],
  };
}

/**
 * How many runs a fuzz property makes: `FUZZ_RUNS` when set (`pnpm fuzz` sets 5000), else
 * `fallback`, small enough for the ordinary test command.
 *
 * @example
 * await fc.assert(property, propertyParams({ numRuns: fuzzRuns(60) }));
 */
export function fuzzRuns(fallback: number): number {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Vitest, which turbo does not run
  const configured = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

/**
 * A test timeout for `runs` runs of about `perRunMs` each, never under 30 s.
 *
 * @example
 * it("fuzz: …", { timeout: fuzzTimeout(runs, 20) }, async () => { … });
 */
export function fuzzTimeout(runs: number, perRunMs: number): number {
  return Math.max(30_000, runs * perRunMs);
}

function randomSeed(): number {
  return (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
}

/** Replaces fast-check's failure report by the same report plus the replay command. */
function replayOnFailure<Ts>(): fc.Plugin<Ts> {
  return () => ({
    onAllRunsComplete(details) {
      if (!details.failed) return;
      const env = [`FC_SEED=${details.seed}`];
      if (details.counterexamplePath !== null) env.push(`FC_PATH=${details.counterexamplePath}`);
      const report = fc.defaultReportMessage(details) ?? "Property failed";
      throw new Error(`${report}\n\nReplay: ${env.join(" ")} ${vitestCommand()}`, {
        cause: details.errorInstance,
      });
    },
  });
}

/** `pnpm vitest run <file> -t <the running test>`, from the repository's root. */
function vitestCommand(): string {
  const test = TestRunner.getCurrentTest();
  if (test === undefined) return "pnpm vitest run";
  const names: string[] = [];
  for (let task: { name: string; suite?: unknown } | undefined = test; task; ) {
    if (task.name !== "") names.unshift(task.name);
    task = task.suite as typeof task;
  }
  const pattern = names.join(" ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return `pnpm vitest run ${relative(REPO_ROOT, test.file.filepath)} -t ${shellQuote(pattern)}`;
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
