// axe-core (through @axe-core/playwright) on the page as it is: every rule axe runs by default,
// WCAG 2.2 AA included (color contrast, target size, names, landmarks), keeping the serious and
// critical findings, each named by rule and element so a failure says what to fix.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** A serious or critical axe finding, short enough to read in a test's failure. */
export interface AxeFinding {
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

/** Runs axe on `page` and returns its serious and critical violations (empty: none). */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? "",
      targets: violation.nodes.map((node) => node.target.join(" ")),
      summary: violation.nodes[0]?.failureSummary?.split("\n").slice(0, 3).join(" ") ?? "",
    }));
}

/** Whether axe ran its color contrast rule on the page (it checks nothing on a blank page). */
export async function contrastRuleRan(page: Page): Promise<boolean> {
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  return results.passes.length + results.violations.length > 0;
}
