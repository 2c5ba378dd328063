/**
 * The operations dashboard's page: one self-contained HTML document (no build step, no CDN). It
 * reads its token from the URL fragment, loads the fleet over Server-Sent Events, and redraws on
 * every change. Every value is set with textContent: a kiosk's message never becomes markup.
 */
export function dashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DSI kiosks · operations</title>
<style>
  :root { font-family: system-ui, "Noto Sans CJK TC", sans-serif; color: #1c2530; background: #eef1f5; }
  body { margin: 0; }
  header { background: #123a5c; color: #fff; padding: 12px 20px; display: flex; gap: 24px; align-items: baseline; }
  header h1 { font-size: 20px; margin: 0; }
  #summary { font-size: 14px; opacity: .9; }
  #conn { margin-left: auto; font-size: 13px; }
  main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(280px, 1fr); gap: 16px; padding: 16px; }
  section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
  h2 { font-size: 16px; margin: 4px 0 10px; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e7ec; }
  tbody tr { cursor: pointer; }
  tbody tr:hover, tbody tr.selected { background: #f1f6fb; }
  .pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
  .ok { background: #dcf3e3; color: #17603a; } .bad { background: #fde0de; color: #9b1c14; } .warn { background: #fff1cc; color: #7a5200; } .off { background: #e4e6ea; color: #4b5563; }
  .dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 3px; }
  .dot.online { background: #2e9b5a; } .dot.degraded { background: #e0a100; } .dot.offline { background: #d33a2f; } .dot.stale { background: #c3c8cf; }
  #alerts { list-style: none; padding: 0; margin: 0; max-height: 320px; overflow: auto; font-size: 13px; }
  #alerts li { padding: 6px 4px; border-bottom: 1px solid #eef0f3; }
  #alerts li.alert { border-left: 4px solid #d33a2f; padding-left: 8px; }
  #alerts li.info { border-left: 4px solid #9aa5b1; padding-left: 8px; color: #4b5563; }
  #calls li { display: flex; gap: 8px; align-items: center; padding: 6px 0; font-size: 14px; }
  #calls { list-style: none; padding: 0; margin: 0; }
  button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #123a5c; background: #123a5c; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #123a5c; }
  #detail dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; font-size: 13px; margin: 0 0 8px; }
  #detail dt { color: #5b6673; } #detail dd { margin: 0; }
  .muted { color: #6b7480; font-size: 13px; }
  pre { font-size: 12px; background: #f6f8fa; padding: 8px; max-height: 200px; overflow: auto; }
</style>
</head>
<body>
<header><h1>DSI self-service kiosks · operations</h1><span id="summary"></span><span id="conn">connecting…</span></header>
<main>
  <div>
    <section aria-labelledby="grid-title">
      <h2 id="grid-title">Fleet</h2>
      <table id="grid"><thead><tr><th>Kiosk</th><th>Online</th><th>Service</th><th>Devices</th><th>Paper</th><th>Outbox</th><th>Last visit</th><th>Last heard</th></tr></thead><tbody></tbody></table>
    </section>
    <section id="detail" aria-labelledby="detail-title" style="margin-top:16px"><h2 id="detail-title">Kiosk detail</h2><p class="muted">Choose a kiosk in the grid.</p></section>
  </div>
  <div>
    <section aria-labelledby="calls-title"><h2 id="calls-title">Staff calls</h2><ul id="calls"></ul><p class="muted" id="no-calls">No open calls.</p></section>
    <section aria-labelledby="alerts-title" style="margin-top:16px"><h2 id="alerts-title">Alerts</h2><ul id="alerts"></ul></section>
  </div>
</main>
<script>
const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
let fleet = { kiosks: [], alerts: [], staffCalls: [], stats: {} };
let selected = null;
const el = (tag, props = {}, ...children) => { const e = document.createElement(tag); Object.assign(e, props); for (const c of children) e.append(c); return e; };
const pill = (text, cls) => el('span', { className: 'pill ' + cls, textContent: text });
const time = (iso) => iso ? new Date(iso).toLocaleTimeString('en-GB') : '—';
const age = (s) => s == null ? '—' : s < 60 ? s + ' s' : s < 3600 ? Math.round(s / 60) + ' min' : (s / 3600).toFixed(1) + ' h';
function describe(ev) {
  switch (ev.kind) {
    case 'device-fault': return ev.device + ' ' + ev.state + (ev.detail ? ' (' + ev.detail + ')' : '');
    case 'device-recovered': return ev.device + ' back online';
    case 'paper': return 'paper ' + ev.level;
    case 'staff-call': return 'staff called from ' + ev.screen + ' · ' + ev.callId;
    case 'staff-call-acknowledged': return 'call ' + ev.callId + ' acknowledged by ' + ev.by;
    case 'payments-stuck': return ev.unknown + ' payment(s) with an unknown result';
    case 'applications-queued-old': return ev.count + ' application(s) queued for ' + age(ev.oldestAgeSeconds);
    case 'maintenance': return 'maintenance ' + ev.phase + (ev.staffId ? ' · ' + ev.staffId : '');
    case 'service': return ev.inService ? 'back in service' : 'out of service' + (ev.operatorHold ? ' (operator)' : '');
    case 'kiosk-offline': return 'kiosk offline (connection lost)';
    case 'kiosk-online': return 'kiosk back online';
  }
  return ev.kind;
}
async function command(kioskId, body) {
  const r = await fetch('/api/kiosks/' + encodeURIComponent(kioskId) + '/commands', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify({ command: body }) });
  if (!r.ok) alert('Command refused: ' + (await r.text()));
}
function render() {
  const kiosks = fleet.kiosks;
  const online = kiosks.filter((k) => k.online).length;
  const open = fleet.staffCalls.filter((c) => !c.acknowledgedAt).length;
  document.getElementById('summary').textContent = kiosks.length + ' kiosks · ' + online + ' online · ' + open + ' open staff call(s)';
  const body = document.querySelector('#grid tbody');
  body.replaceChildren(...kiosks.map((k) => {
    const s = k.state;
    const devs = el('td');
    // An offline kiosk's last known state is shown greyed: it may no longer be true.
    for (const [name, d] of Object.entries(k.devices)) devs.append(el('span', { className: 'dot ' + (k.online ? d.state : 'stale'), title: name + ': ' + d.state + (d.detail ? ' (' + d.detail + ')' : '') + (k.online ? '' : ' (last known)') }));
    const paper = s ? s.paper : 'unknown';
    const row = el('tr', { className: k.kioskId === selected ? 'selected' : '' },
      el('td', { textContent: k.kioskId }),
      el('td', {}, k.online ? pill('online', 'ok') : pill('offline', 'bad')),
      el('td', {}, !s || !k.online ? pill(s ? 'unknown' : '—', 'off') : s.maintenance ? pill('maintenance', 'warn') : s.inService ? pill('in service', 'ok') : pill(s.operatorHold ? 'held' : 'out of service', 'bad')),
      devs,
      el('td', {}, pill(paper, paper === 'ok' ? 'ok' : paper === 'low' ? 'warn' : paper === 'out' ? 'bad' : 'off')),
      el('td', { textContent: s ? s.outbox.pending + ' · ' + age(s.outbox.oldestAgeSeconds) : '—' }),
      el('td', { textContent: s ? time(s.lastVisitAt) : '—' }),
      el('td', { textContent: time(k.lastSeen) }));
    row.dataset.kiosk = k.kioskId;
    row.onclick = () => { selected = k.kioskId; render(); };
    return row;
  }));
  document.getElementById('alerts').replaceChildren(...fleet.alerts.slice(0, 100).map((a) => el('li', { className: a.severity }, el('strong', { textContent: a.kioskId }), ' ' + time(a.at) + ' · ' + describe(a.event))));
  const calls = fleet.staffCalls.slice(0, 30);
  document.getElementById('no-calls').hidden = calls.length > 0;
  document.getElementById('calls').replaceChildren(...calls.map((c) => {
    const li = el('li', {}, el('strong', { textContent: c.kioskId }), el('span', { textContent: time(c.calledAt) + ' · ' + c.screen }));
    li.dataset.call = c.callId;
    if (c.acknowledgedAt) li.append(pill('acknowledged', 'ok'));
    else li.append(el('button', { textContent: 'Acknowledge', onclick: () => command(c.kioskId, { kind: 'acknowledge-staff-call', callId: c.callId }) }));
    return li;
  }));
  renderDetail();
}
function renderDetail() {
  const section = document.getElementById('detail');
  const k = fleet.kiosks.find((x) => x.kioskId === selected);
  if (!k) return;
  const dl = el('dl');
  const add = (t, v) => dl.append(el('dt', { textContent: t }), el('dd', { textContent: v }));
  add('Version', k.version || '—'); add('Configuration', k.configDigest ? k.configDigest.slice(0, 16) + '…' : '—');
  add('Services', k.state ? k.state.services.join(', ') || 'none' : '—');
  add('Unknown payments', k.state ? String(k.state.outbox.unknownPayments) : '—');
  for (const [name, d] of Object.entries(k.devices)) add(name, d.state + (d.detail ? ' (' + d.detail + ')' : '') + ' · ' + d.model);
  const counters = el('pre', { textContent: Object.entries(k.counters).map(([n, v]) => n + ': ' + v).join('\\n') || 'no counters yet' });
  const held = k.state && k.state.operatorHold;
  const actions = el('p', {},
    el('button', { className: 'secondary', textContent: held ? 'Put back in service' : 'Take out of service', onclick: () => command(k.kioskId, held ? { kind: 'put-back-in-service' } : { kind: 'take-out-of-service', reason: 'operator' }) }), ' ',
    el('button', { className: 'secondary', textContent: 'Request diagnostics', onclick: () => command(k.kioskId, { kind: 'request-diagnostics' }) }));
  const parts = [el('h2', { id: 'detail-title', textContent: 'Kiosk ' + k.kioskId }), dl, actions, el('h2', { textContent: 'Counters' }), counters];
  if (k.diagnostics) parts.push(el('h2', { textContent: 'Diagnostics ' + time(k.diagnostics.at) }), el('pre', { id: 'diagnostics', textContent: JSON.stringify(k.diagnostics, null, 1) }));
  section.replaceChildren(...parts);
}
function merge(change) {
  const i = fleet.kiosks.findIndex((k) => k.kioskId === change.kiosk.kioskId);
  if (i >= 0) fleet.kiosks[i] = change.kiosk; else { fleet.kiosks.push(change.kiosk); fleet.kiosks.sort((a, b) => a.kioskId.localeCompare(b.kioskId)); }
  if (change.alert) { fleet.alerts.unshift(change.alert); fleet.alerts.length = Math.min(fleet.alerts.length, 200); }
  if (change.staffCall) { fleet.staffCalls = [change.staffCall, ...fleet.staffCalls.filter((c) => c.callId !== change.staffCall.callId)]; }
}
let pending = false;
function schedule() { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; render(); }); } }
const source = new EventSource('/api/stream?token=' + encodeURIComponent(token));
source.onopen = () => { document.getElementById('conn').textContent = 'live'; };
source.onerror = () => { document.getElementById('conn').textContent = 'reconnecting…'; };
source.onmessage = (m) => {
  const data = JSON.parse(m.data);
  if (data.type === 'snapshot') fleet = data.snapshot; else merge(data);
  window.__lastChange = data;
  schedule();
};
</script>
</body>
</html>`;
}
