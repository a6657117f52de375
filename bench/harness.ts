/** A benchmark case: `run` is called once per operation and may return a promise. */
export interface Case {
  name: string;
  run: () => unknown;
}

/** The outcome of one case. */
export interface Result {
  name: string;
  medianMicros: number;
  p90Micros: number;
}

/**
 * Runs every case `rounds` times, interleaved, `opsPerRound` operations a round, after one warm-up
 * round. Each round's mean per operation is a sample; the median of the samples is the result.
 */
export async function runInterleaved(
  rounds: number,
  opsPerRound: number,
  cases: Case[],
): Promise<Result[]> {
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  // Each case starts from a collected heap when the runtime allows it (`--expose-gc`), so no case
  // pays for the garbage another one left.
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let round = -1; round < rounds; round++) {
    for (const c of cases) {
      collect?.();
      const start = process.hrtime.bigint();
      for (let i = 0; i < opsPerRound; i++) {
        const value = c.run();
        if (value instanceof Promise) await value;
      }
      const micros = Number(process.hrtime.bigint() - start) / 1000 / opsPerRound;
      if (round >= 0) samples.get(c.name)!.push(micros);
    }
  }
  return cases.map((c) => {
    const sorted = [...samples.get(c.name)!].sort((a, b) => a - b);
    return {
      name: c.name,
      medianMicros: sorted[Math.floor(sorted.length / 2)]!,
      p90Micros: sorted[Math.floor(sorted.length * 0.9)]!,
    };
  });
}

/** Prints results with their ratio to a baseline case. */
export function printTable(title: string, results: Result[], { baseline }: { baseline: string }) {
  const base = results.find((r) => r.name === baseline)?.medianMicros ?? 1;
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`\n${title}`);
  console.log(
    `${"case".padEnd(width)}  ${"median".padStart(9)}  ${"p90".padStart(9)}  vs baseline`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${r.medianMicros.toFixed(2).padStart(9)}  ${r.p90Micros.toFixed(2).padStart(9)}  ${(r.medianMicros / base).toFixed(2)}×`,
    );
  }
}
