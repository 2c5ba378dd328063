/**
 * The tester control panel: one plain page, no framework, served at `/control/` by http.ts. It is a
 * TypeScript string (not a .html file) because the build is `tsc` into dist/node, which copies no
 * assets. The page reads its token from `#token=…` (the fragment never reaches a server), keeps it
 * in sessionStorage, sends it as a Bearer header, and polls the state every second.
 *
 * The script and style are exported separately so http.ts can allow exactly them by hash in its
 * Content-Security-Policy; they contain no backticks or `${`, so they stay plain strings.
 */

import { PANEL_BACKOFFICE_SCRIPT } from './panel-backoffice.js';
import { PANEL_DEVICES_SCRIPT } from './panel-devices.js';
import { PANEL_SCENARIOS_SCRIPT } from './panel-scenarios.js';
import { PANEL_STYLE } from './panel-style.js';
import { PANEL_TESTER_SCRIPT } from './panel-tester.js';

export { PANEL_STYLE } from './panel-style.js';

/** The page's one script: the parts, then the first refresh and the polls. */
export const PANEL_SCRIPT =
  '\n' +
  PANEL_DEVICES_SCRIPT +
  PANEL_BACKOFFICE_SCRIPT +
  PANEL_TESTER_SCRIPT +
  PANEL_SCENARIOS_SCRIPT +
  String.raw`  function refreshFaults() {
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
