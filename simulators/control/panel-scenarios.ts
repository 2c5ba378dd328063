/**
 * The scenario launcher: the library's files, one run against this kiosk, its live step and verdict.
 * One part of the control panel's script (panel.ts joins the parts inside one function, so they
 * share its helpers: el, row, api, log). Plain script for the browser, in a string: no backticks, no `${`.
 */
export const PANEL_SCENARIOS_SCRIPT = String.raw`  // ---- the scenario launcher: the library's files, one run against this kiosk, its live step and verdict ----
  var scenarioSelect = el('select', { id: 'scenario-file', 'aria-label': 'Scenario file' });
  scenarioSelect.style.width = '100%';
  var runButton = el('button', { text: 'Run against this kiosk', onclick: function () {
    api('/control/api/scenarios/run', { file: scenarioSelect.value })
      .then(function (answer) { log('scenario started: ' + answer.run.file); refreshScenarios(); })
      .catch(function (error) { log(error.message, true); });
  } });
  var runInfo = el('div', { className: 'info', id: 'scenario-run', 'aria-live': 'polite' });
  var runSteps = el('ol', { className: 'steps', id: 'scenario-steps' });
  var filesShown = '';
  extras.appendChild(el('section', { id: 'scenarios' }, [
    el('h2', { text: 'Scenarios' }),
    el('div', { className: 'muted', text: 'Runs one library file against this kiosk in its own page (close the kiosk page first; it reconnects after). Counts are checked from the start of the run.' }),
    row('file', [scenarioSelect]), row('', [runButton]), runInfo, runSteps,
  ]));

  function renderRun(run) {
    if (!run) { runInfo.textContent = 'no run yet'; runSteps.textContent = ''; return; }
    var done = run.steps.filter(function (s) { return s.status === 'passed'; }).length;
    var live = run.current === null ? null : run.steps[run.current];
    runInfo.textContent = run.name + '\n' + run.state.toUpperCase() +
      (live ? ' · step ' + (run.current + 1) + '/' + run.steps.length + ' (line ' + live.line + '): ' + live.summary : ' · ' + done + '/' + run.steps.length + ' steps passed') +
      (run.detail ? '\n' + run.detail : '') + '\nreport: ' + run.report;
    runInfo.setAttribute('data-state', run.state);
    runSteps.textContent = '';
    run.steps.forEach(function (s) {
      var mark = { pending: '·', running: '▶', passed: '✓', failed: '✗', skipped: '–' }[s.status];
      var item = el('li', { className: 'step-' + s.status, 'data-status': s.status, text: mark + ' ' + s.summary });
      if (s.status === 'failed') item.appendChild(el('div', { className: 'info', text: 'expected: ' + (s.expected || s.error || '?') + '\nactual:   ' + (s.actual || '') }));
      runSteps.appendChild(item);
    });
  }

  function refreshScenarios() {
    return api('/control/api/scenarios').then(function (answer) {
      var names = JSON.stringify(answer.files);
      if (names !== filesShown) {
        filesShown = names;
        scenarioSelect.textContent = '';
        answer.files.forEach(function (f) { scenarioSelect.appendChild(el('option', { value: f.file, text: f.file.replace('scenarios/', '') + ' · ' + f.name })); });
      }
      var running = answer.run && (answer.run.state === 'starting' || answer.run.state === 'running');
      runButton.disabled = !!running;
      renderRun(answer.run);
    }).catch(function (error) {
      runButton.disabled = true;
      scenarioSelect.disabled = true;
      runInfo.textContent = 'scenario launcher: ' + error.message;
    });
  }

`;
