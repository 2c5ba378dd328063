/** A simple drawing of a card going onto the reader, so the instruction needs no reading. */
export function CardOnReaderPicture() {
  return (
    <svg className="picture" viewBox="0 0 240 160" role="img" aria-hidden="true" focusable="false">
      <rect x="40" y="100" width="160" height="40" rx="8" fill="#40566b" />
      <rect x="70" y="104" width="100" height="6" rx="3" fill="#8fb3d0" />
      <g transform="rotate(-8 120 60)">
        <rect x="70" y="20" width="100" height="64" rx="8" fill="#f5f0e1" stroke="#1d3a5a" strokeWidth="3" />
        <rect x="80" y="32" width="24" height="30" rx="3" fill="#9bb7cf" />
        <rect x="112" y="36" width="48" height="6" rx="3" fill="#1d3a5a" />
        <rect x="112" y="50" width="36" height="6" rx="3" fill="#1d3a5a" />
      </g>
      <path d="M120 88 v8" stroke="#1d3a5a" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
