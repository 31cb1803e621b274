import fs from "node:fs";
import type { Page } from "playwright-core";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (evaluated over the DevTools protocol, so the page's CSP stays as
 * strict as in production) and returns the serious and critical violations, WCAG 2.1 AA rules.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: { target: unknown[] }) => n.target.join(" ")) }));
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Fails with a readable list when the page has serious or critical accessibility violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Audit the settled screen: a data grid still loading (a refetch on a slow machine) shows MUI's own
  // overlay for a moment, which is not the screen the user works with.
  await page
    .waitForFunction(() => document.querySelectorAll(".MuiDataGrid-overlayWrapper [role=progressbar], .MuiDataGrid-root .MuiLinearProgress-root").length === 0, undefined, { timeout: 15_000 })
    .catch(() => undefined);
  // …and after its transitions: a dialog still fading in (MUI's 225 ms) has half-transparent text,
  // which axe measures as low contrast although the user never reads it that way.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const violations = await seriousA11yViolations(page);
  if (violations.length) {
    const lines = violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).join("\n    ")}`);
    throw new Error(`axe: ${violations.length} serious/critical violation(s) on ${label}:\n${lines.join("\n")}`);
  }
}
