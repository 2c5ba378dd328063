/** Shoes off, on the plate, back against the post; the head bar comes down while it measures. */
export function HeightGaugeAction() {
  return (
    <svg className="guidance-action" viewBox="0 0 260 240" aria-hidden="true" focusable="false">
      <rect className="g-body" x="60" y="212" width="150" height="18" rx="6" />
      <rect className="g-body" x="178" y="10" width="14" height="204" rx="4" />
      <g className="g-slide">
        <rect className="g-accent" x="120" y="30" width="72" height="10" rx="4" />
      </g>
      <circle className="g-paper" cx="150" cy="62" r="20" />
      <path className="g-line" d="M150 84 v72 M150 100 l-26 34 M150 100 l24 34 M150 156 l-14 54 M150 156 l12 54" />
      <path className="g-line" d="M40 200 h18 M40 190 l-10 10 l10 10" />
    </svg>
  );
}
