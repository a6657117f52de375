/**
 * A Vitest reporter that says why tests were skipped, and which checks tests ran without (a spec
 * file absent, say): a summary by reason after every run. With `LATCHKEY_FORBID_SKIPS=1` (set by
 * `.ci/run`, where PostgreSQL and the specs are both there) any such test fails the run, listed
 * one per line with its reason.
 */
import type { Reporter, TestCase, TestModule, TestRunEndReason, Vitest } from "vitest/node";

const NO_REASON = "no reason given (skip with skipWhen(reason) or ctx.skip(reason))";

/** What `skipWhen` and `noteCheckNotMade` (./skip-when.ts) leave in a test's meta. */
interface SkipMeta {
  skipReason?: string;
  checksNotMade?: string[];
}

/** A test that was skipped, or ran without one of its checks, and why. */
interface Finding {
  kind: "skipped" | "check not made";
  reason: string;
  test: TestCase;
}

/**
 * Lists skip reasons at the end of a run; fails the run on any when `forbid` is set.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { reporters: ["default", new SkipReporter()] } });
 */
export class SkipReporter implements Reporter {
  private vitest: Vitest | undefined;

  constructor(
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Vitest, which turbo does not run
    private readonly forbid = process.env.LATCHKEY_FORBID_SKIPS === "1",
  ) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason) {
    if (reason === "interrupted") return;
    // With -t, tests the name filter leaves out are skipped too: not findings.
    const pattern = this.vitest?.config.testNamePattern;
    const selected = (test: TestCase) =>
      pattern === undefined || pattern.test(test.fullName.replaceAll(" > ", " "));
    const findings = modules.flatMap((module) => findingsOf(module, selected));
    if (findings.length === 0) return;
    const log = (line = "") => (this.vitest ? this.vitest.logger.log(line) : console.log(line));

    log();
    const tests = new Set(findings.map((f) => f.test)).size;
    log(`Skipped, or run without some of their checks: ${count(tests, "test")}`);
    for (const [key, group] of groupBy(findings, (f) => `${f.kind}: ${f.reason}`)) {
      const files = new Set(group.map((f) => f.test.module.moduleId)).size;
      log(`  ${key} (${count(group.length, "test")} in ${count(files, "file")})`);
    }
    if (!this.forbid) return;
    log();
    log("LATCHKEY_FORBID_SKIPS=1: every test must run in full here. Failing the run for:");
    for (const { kind, reason, test } of findings) {
      log(`  ${test.project.name} ${test.module.relativeModuleId} > ${test.fullName}`);
      log(`      ${kind}: ${reason}`);
    }
    process.exitCode = 1;
  }
}

function findingsOf(module: TestModule, selected: (test: TestCase) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const test of module.children.allTests()) {
    if (!selected(test)) continue;
    const result = test.result();
    const meta = test.meta() as SkipMeta;
    if (result.state === "skipped") {
      const stated =
        result.note ?? meta.skipReason ?? (test.options.mode === "todo" ? "todo" : undefined);
      findings.push({ kind: "skipped", reason: stated ?? NO_REASON, test });
    }
    for (const note of meta.checksNotMade ?? []) {
      findings.push({ kind: "check not made", reason: note, test });
    }
  }
  return findings;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
