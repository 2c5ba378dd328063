// Compares benchmark figures with the budgets in bench/budgets.json (see docs/performance.md).

/**
 * @param {{ budgets: Array<{ id: string, bench: string, figure: string, max: number, unit: string, label: string }> }} file
 * @param {Record<string, Record<string, unknown>>} latest figures per benchmark name (the JSON last lines)
 * @param {string[]} only benchmark names to check (all when empty)
 */
export function checkBudgets(file, latest, only = []) {
  const lines = [];
  const over = [];
  const missing = [];
  for (const budget of file.budgets) {
    if (only.length && !only.includes(budget.bench)) continue;
    const value = latest[budget.bench]?.[budget.figure];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      missing.push(budget.id);
      lines.push(`  ?  ${budget.label}: no figure (run \`npm run bench -- ${budget.bench}\`)`);
      continue;
    }
    const ok = value <= budget.max;
    if (!ok) over.push(budget.id);
    lines.push(`  ${ok ? '✓' : '✗'}  ${budget.label}: ${value} ${budget.unit} (budget ≤ ${budget.max} ${budget.unit})${ok ? '' : ' OVER'}`);
  }
  return { lines, over, missing };
}
