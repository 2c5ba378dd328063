/**
 * The tester control panel: one plain page, no framework, served at `/control/` by http.ts. It is a
 * TypeScript string (not a .html file) because the build is `tsc` into dist/node, which copies no
 * assets. The page reads its token from `#token=…` (the fragment never reaches a server), keeps it
 * in sessionStorage, sends it as a Bearer header, and polls the state every second.
 *
 * The script and style are exported separately so http.ts can allow exactly them by hash in its
 * Content-Security-Policy; they contain no backticks or `${`, so they stay plain strings.
 */

export const PANEL_STYLE = String.raw`
  :root { font-family: system-ui, sans-serif; color: #1d2733; background: #eef2f6; }
  body { margin: 0; padding: 12px 16px 40px; }
  h1 { font-size: 1.2rem; margin: 0 0 4px; }
  h2 { font-size: 1rem; margin: 0; display: flex; gap: 8px; align-items: center; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 12px; }
  section { background: #fff; border-radius: 8px; padding: 10px 12px; box-shadow: 0 1px 2px #0002; }
  .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
  .label { font-size: .8rem; color: #556; min-width: 70px; }
  button { font: inherit; font-size: .85rem; padding: 4px 9px; border: 1px solid #8aa; border-radius: 5px; background: #f7fafc; cursor: pointer; }
  button:hover { background: #e3edf6; }
  button.warn { border-color: #c77; background: #fff3f3; }
  input, select { font: inherit; font-size: .85rem; padding: 3px 5px; width: 90px; }
  .badge { font-size: .75rem; padding: 2px 7px; border-radius: 10px; background: #ccc; font-weight: normal; }
  .online { background: #bfe8c6; } .degraded { background: #ffe3a3; } .offline { background: #f5b8b8; }
  .info { font-size: .8rem; color: #334; white-space: pre-wrap; margin: 4px 0; font-family: ui-monospace, monospace; }
  pre { font-size: .75rem; background: #f4f4f0; padding: 6px; overflow: auto; max-height: 260px; margin: 4px 0; }
  #log { font-size: .8rem; margin: 6px 0 12px; min-height: 1.2em; }
  #log.error { color: #a00; }
  #backoffice { margin-top: 12px; }
  .apps { display: grid; gap: 10px; margin-top: 6px; }
  .app { border: 1px solid #d5dde5; border-radius: 6px; padding: 8px; }
  .app-head { font-size: .85rem; margin-bottom: 6px; }
  .app-head b { font-family: ui-monospace, monospace; }
  .pics { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-start; }
  figure { margin: 0; font-size: .7rem; color: #445; text-align: center; }
  figure img, .no-pic { display: block; background: #f4f6f8; border: 1px solid #ccd; }
  .photo img { width: 124px; height: 159px; }
  .fingers { display: grid; gap: 4px 6px; }
  .fingers figure { width: 70px; }
  .fingers img, .fingers .no-pic { width: 60px; height: 84px; margin: 0 auto; }
  .no-pic { display: flex; align-items: center; justify-content: center; color: #a33; font-size: .7rem; }
  .signature img { width: 240px; height: 80px; background: #fff; }
  .muted { color: #667; font-size: .8rem; }
  #tester { margin-top: 12px; }
  .paper { display: flex; gap: 12px; align-items: flex-start; }
  .paper img { width: 288px; border: 1px solid #bbb; background: #fff; }
  pre.receipt { max-height: 420px; font-size: .72rem; background: #fffef8; border: 1px dashed #bbb; }
  button:disabled { opacity: .5; cursor: not-allowed; }
  #scenarios { grid-column: 1 / -1; }
  .steps { font-size: .78rem; font-family: ui-monospace, monospace; margin: 6px 0; padding-left: 24px; max-height: 360px; overflow: auto; }
  .step-running { background: #fff6cc; } .step-passed { color: #1d6b2c; } .step-failed { color: #a00; } .step-skipped, .step-pending { color: #889; }
  #scenario-run[data-state="passed"] { color: #1d6b2c; } #scenario-run[data-state="failed"] { color: #a00; }
  .calls { font-size: .8rem; margin: 6px 0; padding-left: 20px; font-family: ui-monospace, monospace; }
`;

export const PANEL_SCRIPT = String.raw`
(function () {
  'use strict';
  var fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('controlToken', fromHash);
    history.replaceState(null, '', location.pathname);
  }
  var token = sessionStorage.getItem('controlToken') || '';
  var logEl = document.getElementById('log');
  var root = document.getElementById('devices');
  var rawEl = document.getElementById('raw');
  var views = {};
  var built = false;

  function log(text, isError) {
    logEl.textContent = new Date().toLocaleTimeString() + '  ' + text;
    logEl.className = isError ? 'error' : '';
  }

  function api(path, body) {
    var init = { method: body ? 'POST' : 'GET', headers: { Authorization: 'Bearer ' + token } };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (json) {
        if (!res.ok) throw new Error((json && (json.detail || json.title)) || ('HTTP ' + res.status));
        return json;
      });
    });
  }

  function send(command) {
    api('/control/api/command', command)
      .then(function () { log('done: ' + command.device + ' ' + command.action); })
      .catch(function (error) { log(error.message, true); })
      .then(refresh);
  }

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === 'onclick') node.addEventListener('click', props[key]);
      else if (key === 'className') node.className = props[key];
      else if (key === 'text') node.textContent = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function button(text, command, className) {
    return el('button', { text: text, className: className || '', onclick: function () {
      send(typeof command === 'function' ? command() : command);
    } });
  }

  function row(label, children) {
    return el('div', { className: 'row' }, [el('span', { className: 'label', text: label })].concat(children));
  }

  function input(attrs) { return el('input', attrs); }

  function select(options) {
    return el('select', {}, options.map(function (o) { return el('option', { value: o, text: o }); }));
  }

  function numberOrNull(value) { return value === '' ? null : Number(value); }

  function common(device) {
    var latency = input({ type: 'number', min: '0', value: '0', title: 'latency in ms' });
    var fault = input({ type: 'text', placeholder: 'sensor-fault' });
    return [
      row('link', [
        button('Disconnect', { device: device, action: 'disconnect' }, 'warn'),
        button('Reconnect', { device: device, action: 'reconnect' }),
        latency,
        button('Set latency ms', function () { return { device: device, action: 'set-latency', ms: Number(latency.value) }; }),
      ]),
      row('fault', [
        fault,
        button('Set fault', function () { return { device: device, action: 'set-fault', fault: fault.value }; }, 'warn'),
        button('Clear fault', { device: device, action: 'set-fault', fault: null }),
      ]),
    ];
  }

  function section(device, title, rows) {
    var badge = el('span', { className: 'badge', text: '?' });
    var info = el('div', { className: 'info' });
    views[device] = { badge: badge, info: info };
    root.appendChild(el('section', { id: 'device-' + device }, [el('h2', {}, [el('span', { text: title }), badge]), info].concat(rows, lineFaults(device), common(device))));
  }

  // The serial line's own faults (the hardware loop's far ends); disabled, with the reason, when the
  // device is simulated in-process and has no line (the control API refuses them then).
  var LINE = {
    'height-gauge': [['Line garbage', { action: 'line-garbage' }]],
    'payment-terminal': [['Line garbage', { action: 'line-garbage' }], ['Corrupt 3 frames', { action: 'corrupt-frames', frames: 3 }], ['Power cycle 2 s', { action: 'power-cycle', offMs: 2000 }]],
    'receipt-printer': [['Line garbage', { action: 'line-garbage' }]],
  };
  var lineViews = {};

  function lineFaults(device) {
    if (!LINE[device]) return [];
    var buttons = LINE[device].map(function (entry) {
      return button(entry[0], Object.assign({ device: device }, entry[1]), 'warn');
    });
    var why = el('div', { className: 'muted line-why' });
    lineViews[device] = { buttons: buttons, why: why };
    return [el('div', { className: 'line-faults', 'data-device': device }, [row('line', buttons), why])];
  }

  function renderLineFaults(state) {
    Object.keys(lineViews).forEach(function (device) {
      var line = state.lineFaults && state.lineFaults[device];
      var available = !!(line && line.available);
      lineViews[device].buttons.forEach(function (b) {
        b.disabled = !available;
        b.title = available ? 'a fault on the serial line itself' : (line && line.reason) || 'not available';
      });
      lineViews[device].why.textContent = available ? '' : 'line faults: ' + ((line && line.reason) || 'not available');
    });
  }

  function build(state) {
    var card = 'card-reader';
    section(card, 'Card reader', [
      row('place', state[card].profiles.map(function (p) {
        return el('button', { text: p.id, title: p.label, onclick: function () {
          send({ device: card, action: 'place', profile: p.id });
        } });
      })),
      row('resident', state[card].residents.map(function (id) {
        return el('button', { text: id, title: 'back-office seed resident', onclick: function () {
          send({ device: card, action: 'place-resident', resident: id });
        } });
      })),
      row('card', [
        button('Remove card', { device: card, action: 'remove' }),
        button('Remove during next read', { device: card, action: 'remove-during-next-read' }, 'warn'),
        button('Reset PIN counters', { device: card, action: 'reset-cards' }),
      ]),
    ]);

    var fp = 'fingerprint-scanner';
    var finger = select(['right-thumb', 'right-index', 'right-middle', 'right-ring', 'right-little',
      'left-thumb', 'left-index', 'left-middle', 'left-ring', 'left-little']);
    section(fp, 'Fingerprint scanner', [
      row('present', [
        button('Good finger', { device: fp, action: 'present', quality: 85, matches: true }),
        button('Poor (too light)', { device: fp, action: 'present', quality: 30, matches: true }),
        button('Poor (too dark)', { device: fp, action: 'present', quality: 10, matches: true }),
        button('Wrong finger', { device: fp, action: 'present', quality: 85, matches: false }, 'warn'),
        button('Clear queue', { device: fp, action: 'clear-queue' }),
      ]),
      row('missing', [
        finger,
        button('Missing', function () { return { device: fp, action: 'set-missing', finger: finger.value, missing: true }; }, 'warn'),
        button('Present again', function () { return { device: fp, action: 'set-missing', finger: finger.value, missing: false }; }),
      ]),
    ]);

    section('camera', 'Camera', [
      row('device', [
        button('Unplug', { device: 'camera', action: 'unplug' }, 'warn'),
        button('Plug', { device: 'camera', action: 'plug' }),
      ]),
      row('report', ['streaming', 'no-device', 'permission-denied', 'stream-error'].map(function (r) {
        return button(r, { device: 'camera', action: 'report', report: r });
      })),
    ]);

    var hg = 'height-gauge';
    var height = input({ type: 'number', min: '0', max: '5000', placeholder: 'mm' });
    section(hg, 'Height gauge', [
      row('stand', [
        button('Adult 1720 mm', { device: hg, action: 'set-height', heightMm: 1720 }),
        button('Child 1180 mm', { device: hg, action: 'set-height', heightMm: 1180 }),
        button('Nobody', { device: hg, action: 'set-height', heightMm: null }),
        button('Implausible 3000 mm', { device: hg, action: 'set-height', heightMm: 3000 }, 'warn'),
      ]),
      row('height', [
        height,
        button('Set height', function () { return { device: hg, action: 'set-height', heightMm: numberOrNull(height.value) }; }),
        button('Fidgeting', { device: hg, action: 'set-unstable', unstable: true }, 'warn'),
        button('Standing still', { device: hg, action: 'set-unstable', unstable: false }),
      ]),
    ]);

    var pt = 'payment-terminal';
    var reason = input({ type: 'text', placeholder: 'insufficient-funds' });
    var balance = input({ type: 'number', min: '0', placeholder: 'balance avos' });
    section(pt, 'Payment terminal', [
      row('next sale', [
        button('Approve', function () {
          var c = { device: pt, action: 'queue', outcome: 'approve' };
          if (balance.value !== '') c.balanceAvos = Number(balance.value);
          return c;
        }),
        button('Decline', function () {
          var c = { device: pt, action: 'queue', outcome: 'decline' };
          if (reason.value !== '') c.reason = reason.value;
          return c;
        }, 'warn'),
        button('Time out', { device: pt, action: 'queue', outcome: 'timeout' }, 'warn'),
        button('Lose response', { device: pt, action: 'queue', outcome: 'lose-response' }, 'warn'),
        button('Clear queue', { device: pt, action: 'clear-queue' }),
      ]),
      row('details', [reason, balance]),
      row('default', [
        button('Approve when nothing queued', { device: pt, action: 'set-default', mode: 'approve' }),
        button('Wait for tester', { device: pt, action: 'set-default', mode: 'wait' }),
      ]),
    ]);

    var rp = 'receipt-printer';
    section(rp, 'Receipt printer', [
      row('paper', ['ok', 'near-end', 'out', 'cover-open'].map(function (p) {
        return button(p, { device: rp, action: 'set-paper', paper: p }, p === 'ok' ? '' : 'warn');
      }).concat([button('Clear printed', { device: rp, action: 'clear-printed' })])),
    ]);

    var ds = 'document-scanner';
    section(ds, 'Document scanner', [
      row('on the bed', ['photo-print', 'crooked-photo', 'small-photo', 'not-a-face', 'id-card', 'empty'].map(function (d) {
        return button(d, { device: ds, action: 'place', document: d }, d === 'photo-print' || d === 'id-card' ? '' : 'warn');
      })),
      row('scanner', [
        button('Glare', { device: ds, action: 'set-glare', glare: true }, 'warn'),
        button('No glare', { device: ds, action: 'set-glare', glare: false }),
        button('Open lid', { device: ds, action: 'set-cover', open: true }, 'warn'),
        button('Close lid', { device: ds, action: 'set-cover', open: false }),
        button('Stall', { device: ds, action: 'set-stalled', stalled: true }, 'warn'),
        button('Unstall', { device: ds, action: 'set-stalled', stalled: false }),
      ]),
    ]);
  }

  function describe(device, s) {
    switch (device) {
      case 'card-reader':
        return s.card
          ? 'card: ' + s.card.profile + (s.card.pinVerified ? ' (PIN verified)' : '') +
            (s.card.pinTriesLeft === null ? '' : ', PIN tries left ' + s.card.pinTriesLeft)
          : 'no card' + (s.removeDuringNextRead ? ' · next read loses the card' : '');
      case 'fingerprint-scanner':
        return 'queued: ' + (s.queue.length ? s.queue.map(function (q) {
          return 'q' + q.quality + (q.matches ? '' : ' wrong');
        }).join(', ') : 'none') + (s.missing.length ? ' · missing: ' + s.missing.join(', ') : '');
      case 'camera':
        return 'last report: ' + (s.lastReport || 'none');
      case 'height-gauge':
        return 'on the gauge: ' + (s.heightMm === null ? 'nobody' : s.heightMm + ' mm') + (s.unstable ? ' (fidgeting)' : '');
      case 'payment-terminal':
        return 'default: ' + s.default + ' · queued: ' + (s.queue.map(function (q) { return q.outcome; }).join(', ') || 'none') +
          '\n' + s.transactions.slice(-6).map(function (t) {
            return t.reference + '  ' + (t.amountAvos / 100).toFixed(2) + ' MOP  ' + t.tender + '  ' + t.state +
              (t.authCode ? ' ' + t.authCode : '');
          }).join('\n');
      case 'document-scanner':
        return 'on the bed: ' + s.document + (s.glare ? ' (glare)' : '') + (s.coverOpen ? ' · lid open' : '') +
          (s.stalled ? ' · stalled' : '') + ' · scans: ' + s.scans;
      case 'receipt-printer':
        return 'paper: ' + s.paper + ' · printed: ' + s.printedCount + (s.lastText ? '\n\n' + s.lastText : '');
      default:
        return '';
    }
  }

  function render(state) {
    if (!built) { build(state); built = true; }
    Object.keys(views).forEach(function (device) {
      var s = state[device];
      var v = views[device];
      v.badge.textContent = s.status.state + (s.status.detail ? ' · ' + s.status.detail : '') +
        (s.operations.length ? ' · ' + s.operations.join(', ') : '');
      v.badge.className = 'badge ' + s.status.state;
      v.info.textContent = describe(device, s);
    });
    rawEl.textContent = JSON.stringify(state, null, 2);
    renderLineFaults(state);
    renderExtras(state);
  }

  function refresh() {
    return api('/control/api/state').then(render).catch(function (error) { log(error.message, true); });
  }

  // ---- what the back-office simulator received: the last applications and their pictures ----
  var boRoot = document.getElementById('bo-apps');
  var boShown = '';
  var pictures = {};

  function picture(path, alt) {
    var img = el('img', { alt: alt, title: alt });
    if (!pictures[path]) {
      pictures[path] = fetch(path, { headers: { Authorization: 'Bearer ' + token } }).then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.blob();
      }).then(function (blob) { return URL.createObjectURL(blob); });
    }
    pictures[path].then(function (url) { img.src = url; }, function () { img.alt = alt + ' (not available)'; });
    return img;
  }

  function figure(className, child, caption) {
    return el('figure', { className: className }, [child, el('figcaption', { text: caption })]);
  }

  function verificationText(v) {
    var text = 'applicant verified by ' + v.applicant;
    if (v.guardian) text += ' · guardian (' + v.guardian.relation + ' ' + v.guardian.cardNumber + ') by ' + v.guardian.verifiedBy;
    return text;
  }

  function application(a) {
    var base = '/control/api/backoffice/applications/' + encodeURIComponent(a.applicationId);
    var c = a.captured;
    var head = el('div', { className: 'app-head' }, [
      el('b', { text: a.receiptNumber }), el('span', { text: '  ' + a.service + (a.withdrawal ? ' (withdrawn)' : '') +
        (a.heightMm === null ? '' : ' · height ' + a.heightMm + ' mm') + (a.pickupPlace ? ' · pickup ' + a.pickupPlace : '') +
        (c ? ' · ' + verificationText(c.verification) : '') }),
    ]);
    if (!c) return el('div', { className: 'app' }, [head, el('div', { className: 'muted', text: 'nothing captured recorded' })]);
    var pics = [];
    if (c.photo) pics.push(figure('photo', picture(base + '/photo', 'ID photo'), 'photo · ' + c.photo.source));
    if (c.fingerprints.length) {
      var grid = el('div', { className: 'fingers' }, c.fingerprints.map(function (f) {
        var caption = f.finger + (f.status === 'captured' ? ' q' + f.quality : '');
        var shown = f.status === 'captured' ? picture(base + '/fingers/' + f.finger, f.finger) : el('div', { className: 'no-pic', text: f.status });
        return figure('finger', shown, caption);
      }));
      // Five to a row (a hand), fewer when fewer fingers came.
      grid.style.gridTemplateColumns = 'repeat(' + Math.min(c.fingerprints.length, 5) + ', 70px)';
      pics.push(grid);
    }
    if (c.signature) pics.push(figure('signature', picture(base + '/signature', 'signature'), 'signature ' + c.signature.width + '×' + c.signature.height));
    if (!pics.length) pics.push(el('div', { className: 'muted', text: 'no photo, fingerprints or signature (not needed for this service)' }));
    return el('div', { className: 'app' }, [head, el('div', { className: 'pics' }, pics)]);
  }

  function refreshBackoffice() {
    return api('/control/api/backoffice/applications').then(function (answer) {
      var text = JSON.stringify(answer.applications);
      if (text === boShown) return;
      boShown = text;
      var ids = answer.applications.map(function (a) { return a.applicationId; });
      Object.keys(pictures).forEach(function (path) {
        var id = decodeURIComponent(path.split('/')[5] || '');
        if (ids.indexOf(id) < 0) {
          pictures[path].then(function (url) { URL.revokeObjectURL(url); }, function () {});
          delete pictures[path];
        }
      });
      boRoot.textContent = '';
      if (!answer.applications.length) boRoot.appendChild(el('div', { className: 'muted', text: 'no application received yet' }));
      answer.applications.forEach(function (a) { boRoot.appendChild(application(a)); });
    }).catch(function (error) {
      boShown = '';
      boRoot.textContent = '';
      boRoot.appendChild(el('div', { className: 'muted', text: 'back office: ' + error.message }));
    });
  }

  // ---- the kiosk beyond its devices: clock, back-office faults, printed receipts, staff calls ----
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

  // ---- the scenario launcher: the library's files, one run against this kiosk, its live step and verdict ----
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

  function refreshFaults() {
    return api('/control/api/backoffice/faults').then(function (answer) { faults = answer; showFaults(); }, function () { faults = null; showFaults(); });
  }

  if (!token) log('No token: open the link the host printed (it ends in #token=...).', true);
  refresh();
  refreshBackoffice();
  refreshFaults();
  refreshScenarios();
  setInterval(refreshScenarios, 1000);
  setInterval(refresh, 1000);
  setInterval(refreshBackoffice, 2000);
  setInterval(refreshFaults, 2000);
})();
`;

export function panelHtml(): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Kiosk simulators · control panel</title>',
    `<style>${PANEL_STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>DSI kiosk simulators · control panel</h1>',
    '<div id="log"></div>',
    '<div class="grid" id="devices"></div>',
    '<div class="grid" id="tester"></div>',
    '<section id="backoffice"><h2>Back office · last applications received</h2><div class="apps" id="bo-apps"></div></section>',
    '<details><summary>Raw state</summary><pre id="raw"></pre></details>',
    `<script>${PANEL_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
