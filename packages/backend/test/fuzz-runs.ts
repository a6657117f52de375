/**
 * How many runs a fuzz property makes: `FUZZ_RUNS` when set (`pnpm fuzz` sets 5000), else
 * `fallback`, small enough for the ordinary test command.
 *
 * @example
 * await fc.assert(property, { numRuns: fuzzRuns(60) });
 */
export function fuzzRuns(fallback: number): number {
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
