/**
 * The panel's frame and its devices: the token, the helpers, one card per simulated device, the state poll.
 * One part of the control panel's script (panel.ts joins the parts inside one function, so they
 * share its helpers: el, row, api, log). Plain script for the browser, in a string: no backticks, no `${`.
 */
export const PANEL_DEVICES_SCRIPT = String.raw`(function () {
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

`;
