/**
 * The kiosk beyond its devices: clock, back-office faults, printed receipts, staff calls.
 * One part of the control panel's script (panel.ts joins the parts inside one function, so they
 * share its helpers: el, row, api, log). Plain script for the browser, in a string: no backticks, no `${`.
 */
export const PANEL_TESTER_SCRIPT = String.raw`  // ---- the kiosk beyond its devices: clock, back-office faults, printed receipts, staff calls ----
  var extras = document.getElementById('tester');
  var clockInfo = el('div', { className: 'info', text: 'clock: ?' });
  var faultsInfo = el('div', { className: 'info', text: 'faults: ?' });
  var printedRoot = el('div', { className: 'printed' });
  var callsRoot = el('ol', { className: 'calls' });
  var printedShown = -1;
  var faults = null;

  function moveClock(move) {
    api('/control/api/clock', move)
      .then(function (answer) { log('clock: now ' + answer.clock.now); })
      .catch(function (error) { log(error.message, true); })
      .then(refresh);
  }

  function setFaults(change) {
    var next = Object.assign({}, faults || {}, change);
    delete next.govPayAutoPay;
    api('/control/api/backoffice/faults', next)
      .then(function (answer) { faults = answer; showFaults(); log('back office: ' + JSON.stringify(change)); })
      .catch(function (error) { log(error.message, true); });
  }

  function govPay(what) {
    api('/control/api/backoffice/govpay/newest/' + what, {})
      .then(function () { log('GovPay: newest pending ' + (what === 'pay' ? 'paid' : 'expired')); })
      .catch(function (error) { log(error.message, true); });
  }

  function showFaults() {
    faultsInfo.textContent = faults
      ? 'down: ' + faults.down + ' · slow: ' + faults.latencyMs + ' ms · refusing: ' + faults.refusing + ' · submissions: ' + faults.submissions
      : 'faults: not available';
  }

  function action(text, run, className) {
    return el('button', { text: text, className: className || '', onclick: run });
  }

  var instant = input({ type: 'text', placeholder: '2026-11-24T22:30:00+08:00', title: 'ISO instant with offset' });
  instant.style.width = '220px';
  var by = input({ type: 'text', placeholder: '1h30m', title: 'duration: 90s, 15m, 2h, 1d' });
  extras.appendChild(el('section', { id: 'clock' }, [
    el('h2', { text: 'Clock' }), clockInfo,
    row('advance', ['+15m', '+1h', '+1d', '-1h'].map(function (d) {
      return action(d, function () { moveClock({ advanceBy: d.replace('+', '') }); });
    }).concat([by, action('Advance', function () { moveClock({ advanceBy: by.value }); })])),
    row('jump to', [instant, action('Jump', function () { moveClock({ jumpTo: instant.value }); }, 'warn')]),
  ]));
  extras.appendChild(el('section', { id: 'bo-faults' }, [
    el('h2', { text: 'Back office · faults' }), faultsInfo,
    row('service', [
      action('Down', function () { setFaults({ down: true }); }, 'warn'),
      action('Up', function () { setFaults({ down: false }); }),
      action('Slow 3 s', function () { setFaults({ latencyMs: 3000 }); }, 'warn'),
      action('Normal speed', function () { setFaults({ latencyMs: 0 }); }),
      action('Refusing', function () { setFaults({ refusing: true }); }, 'warn'),
      action('Accepting', function () { setFaults({ refusing: false }); }),
    ]),
    row('submissions', ['ok', 'unavailable', 'lose-response'].map(function (m) {
      return action(m, function () { setFaults({ submissions: m }); }, m === 'ok' ? '' : 'warn');
    })),
    row('GovPay', [
      action('Pay the newest QR', function () { govPay('pay'); }),
      action('Expire the newest QR', function () { govPay('expire'); }, 'warn'),
    ]),
  ]));
  extras.appendChild(el('section', { id: 'printed' }, [el('h2', { text: 'Printed receipts · newest first' }), printedRoot]));
  extras.appendChild(el('section', { id: 'staff-calls' }, [el('h2', { text: 'Staff calls' }), callsRoot]));

  function renderExtras(state) {
    clockInfo.textContent = state.clock
      ? 'kiosk time: ' + state.clock.now + (state.clock.offsetMs ? ' (moved ' + Math.round(state.clock.offsetMs / 60000) + ' min from real time)' : ' (real time)')
      : 'this kiosk runs on the real clock (a real device or back office): no clock control';
    var calls = state['staff-calls'];
    callsRoot.textContent = '';
    if (!calls || !calls.recent.length) callsRoot.appendChild(el('li', { className: 'muted', text: 'no staff call yet' }));
    else calls.recent.slice().reverse().forEach(function (c) { callsRoot.appendChild(el('li', { text: c.calledAt + '  ' + c.screen + '  (' + c.callId + ')' })); });
    var count = state['receipt-printer'] ? state['receipt-printer'].printedCount : 0;
    if (count !== printedShown) {
      printedShown = count;
      api('/control/api/printed').then(function (answer) {
        printedRoot.textContent = '';
        if (!answer.receipts.length) printedRoot.appendChild(el('div', { className: 'muted', text: 'nothing printed yet' }));
        answer.receipts.forEach(function (r) {
          printedRoot.appendChild(el('details', { open: '' }, [el('summary', { text: r.at }), el('div', { className: 'paper' }, [el('pre', { className: 'receipt', text: r.text }), picture(r.png, 'receipt printed at ' + r.at)])]));
        });
      }).catch(function (error) { printedShown = -1; log(error.message, true); });
    }
  }

`;
