/**
 * How a test says why it is skipped, or why one of its checks was not made. The run's
 * {@link SkipReporter} lists every such reason; under `LATCHKEY_FORBID_SKIPS=1` (CI) any of them
 * fails the run.
 */
import { type TestOptions, TestRunner } from "vitest";

declare module "vitest" {
  interface TaskMeta {
    /** Why this test (or the suite it is in) is skipped; see {@link skipWhen}. */
    skipReason?: string;
    /** Checks this test ran without, each with its reason; see {@link noteCheckNotMade}. */
    checksNotMade?: string[];
  }
}

/**
 * Test or suite options that skip it when `reason` is set, carrying the reason to the run's
 * report. Runs it when `reason` is undefined.
 *
 * @example
 * describe("Store contract on PostgreSQL", skipWhen(databaseUrl ? undefined : "DATABASE_URL is not set"), () => { … });
 */
export function skipWhen(reason: string | undefined): TestOptions {
  return reason === undefined ? {} : { skip: true, meta: { skipReason: reason } };
}

/**
 * Records on the running test that a check was not made, and why (the test itself goes on).
 * Outside a test (a hook, module level) the reason is printed instead.
 *
 * @example
 * if (spec.skipReason !== undefined) noteCheckNotMade(`shape against ${spec.file}: ${spec.skipReason}`);
 */
export function noteCheckNotMade(reason: string): void {
  const test = TestRunner.getCurrentTest();
  if (test === undefined) {
    console.warn(`check not made: ${reason}`);
    return;
  }
  const notes = test.meta.checksNotMade ?? [];
  if (!notes.includes(reason)) notes.push(reason);
  test.meta.checksNotMade = notes;
}
