import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioResult } from './run-scenario.js';

/**
 * The HTML report of a run: one page for all scenarios (verdict, each step with its screenshot,
 * expected and actual where one failed, the device log, the simulators' final state, the host's
 * log), and `results.json` beside it for machines. Screenshots sit in one folder per scenario.
 */
export function writeReport(dir: string, results: ScenarioResult[], folders: string[]): string {
  const passed = results.filter((r) => r.verdict === 'passed').length;
  const body = results.map((r, i) => scenarioSection(r, folders[i]!)).join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scenario report: ${passed}/${results.length} passed</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#111}
h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2rem}
.passed{color:#0a6b2a}.failed{color:#b00020}.skipped{color:#777}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
img{max-width:180px;border:1px solid #999} pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem;max-height:24rem;overflow:auto}
.diff{background:#fff3f3}
</style></head><body>
<h1>Scenario report: <span class="${passed === results.length ? 'passed' : 'failed'}">${passed}/${results.length} passed</span></h1>
<ul>${results.map((r, i) => `<li><a href="#s${i}" class="${r.verdict}">${esc(r.verdict.toUpperCase())}</a> ${esc(r.name)} <small>(${esc(r.file)}, ${r.lang}, ${(r.ms / 1000).toFixed(1)} s)</small></li>`).join('')}</ul>
${body}
</body></html>`;
  const file = join(dir, 'index.html');
  writeFileSync(file, html);
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results.map(({ hostLog: _h, finalState: _s, ...r }) => r), null, 2));
  return file;
}

function scenarioSection(r: ScenarioResult, folder: string): string {
  const rows = r.steps
    .map((s) => {
      const shot = s.screenshot ? `<a href="${esc(folder)}/${esc(s.screenshot)}"><img loading="lazy" src="${esc(folder)}/${esc(s.screenshot)}" alt="screen after step at line ${s.line}"></a>` : '';
      const failure =
        s.status === 'failed'
          ? `<div class="diff"><b>expected</b> ${esc(s.expected ?? '(the step to run)')}<br><b>actual</b> <pre>${esc(s.actual ?? '')}</pre>${s.error ? `<b>error</b><pre>${esc(s.error)}</pre>` : ''}</div>`
          : '';
      return `<tr><td>${s.line}</td><td class="${s.status}">${s.status}</td><td><code>${esc(s.summary)}</code>${failure}</td><td>${s.ms} ms</td><td>${shot}</td></tr>`;
    })
    .join('\n');
  return `<h2 id="s${folderIndex(folder)}" class="${r.verdict}">${esc(r.verdict.toUpperCase())}: ${esc(r.name)}</h2>
<p>${esc(r.file)} · language ${r.lang} · ${(r.ms / 1000).toFixed(1)} s</p>
<table><tr><th>line</th><th>status</th><th>step</th><th>time</th><th>screen after</th></tr>${rows}</table>
<h3>Device log</h3><pre>${esc(r.deviceLog.join('\n') || '(no device events)')}</pre>
<details><summary>Simulators' state at the end</summary><pre>${esc(JSON.stringify(r.finalState, null, 2))}</pre></details>
<details><summary>Host log (stderr)</summary><pre>${esc(r.hostLog || '(empty)')}</pre></details>`;
}

function folderIndex(folder: string): string {
  return /^(\d+)-/.exec(folder)?.[1] ?? '0';
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
