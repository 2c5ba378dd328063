/** The control panel's stylesheet (panel.ts); http.ts allows exactly it by hash in its Content-Security-Policy. */
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
