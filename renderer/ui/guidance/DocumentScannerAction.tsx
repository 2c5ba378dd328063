/** Lid up, the document face down in the marked corner, lid closed; the light bar crosses while it scans. */
export function DocumentScannerAction() {
  return (
    <svg className="guidance-action" viewBox="0 0 260 200" aria-hidden="true" focusable="false">
      <path className="g-body" d="M40 40 l180 0 l-20 -30 l-140 0 z" />
      <rect className="g-body" x="30" y="60" width="200" height="120" rx="8" />
      <rect className="g-paper" x="46" y="72" width="168" height="96" rx="4" />
      <path className="g-accent" d="M46 72 h24 v8 h-16 v16 h-8 z" />
      <g className="g-move">
        <rect className="g-paper" x="52" y="78" width="70" height="50" rx="3" />
      </g>
      <rect className="g-accent g-sweep" x="46" y="74" width="168" height="6" />
    </svg>
  );
}
