/** The card laid flat on the reader's pad, chip side up; waves while the chip is read. */
export function CardReaderAction() {
  return (
    <svg className="guidance-action" viewBox="0 0 260 200" aria-hidden="true" focusable="false">
      <rect className="g-body" x="40" y="130" width="180" height="50" rx="10" />
      <rect className="g-accent" x="80" y="136" width="100" height="8" rx="4" />
      <g className="g-move">
        <rect className="g-paper" x="80" y="40" width="100" height="64" rx="8" />
        <rect className="g-accent" x="92" y="56" width="22" height="18" rx="3" />
        <path className="g-thin" d="M124 58 h44 M124 70 h32 M92 88 h76" />
        <path className="g-line" d="M130 108 v14 m-8 -8 l8 8 l8 -8" />
      </g>
      <g className="g-work">
        <path className="g-accent-line" d="M30 120 q-14 -20 0 -40 M14 128 q-22 -28 0 -56" />
        <path className="g-accent-line" d="M230 120 q14 -20 0 -40 M246 128 q22 -28 0 -56" />
      </g>
    </svg>
  );
}
