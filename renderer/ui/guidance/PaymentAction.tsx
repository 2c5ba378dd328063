/** A card or phone held flat over the terminal's contactless mark; waves while the terminal works. */
export function PaymentAction() {
  return (
    <svg className="guidance-action" viewBox="0 0 260 220" aria-hidden="true" focusable="false">
      <rect className="g-body" x="80" y="96" width="100" height="116" rx="12" />
      <rect className="g-paper" x="94" y="108" width="72" height="40" rx="4" />
      <path className="g-thin" d="M118 172 q8 10 0 20 M128 168 q12 14 0 28 M138 164 q16 18 0 36" />
      <g className="g-move">
        <rect className="g-paper" x="84" y="20" width="92" height="58" rx="8" />
        <rect className="g-accent" x="96" y="34" width="20" height="16" rx="3" />
      </g>
      <g className="g-work">
        <path className="g-accent-line" d="M66 150 q-12 -18 0 -36 M50 158 q-20 -26 0 -52" />
        <path className="g-accent-line" d="M194 150 q12 -18 0 -36 M210 158 q20 -26 0 -52" />
      </g>
    </svg>
  );
}
