/** The slip comes out of the printer's slot; take it when it stops. */
export function PrinterAction() {
  return (
    <svg className="guidance-action" viewBox="0 0 260 200" aria-hidden="true" focusable="false">
      <g className="g-feed">
        <path className="g-paper" d="M96 40 h68 v96 h-68 z" />
        <path className="g-thin" d="M108 60 h44 M108 76 h36 M108 92 h44" />
      </g>
      <rect className="g-body" x="50" y="120" width="160" height="60" rx="10" />
      <rect className="g-dim" x="86" y="132" width="88" height="8" rx="4" />
      <path className="g-line g-done" d="M200 40 l-14 -14 M200 40 l-20 2 M200 40 l-2 -20" />
    </svg>
  );
}
