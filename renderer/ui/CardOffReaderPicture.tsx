/** A drawing of a hand lifting the card off the reader, with an arrow up: take your card. */
export function CardOffReaderPicture({ label }: { label: string }) {
  return (
    <svg className="picture take-card-picture" viewBox="0 0 240 200" role="img" aria-label={label} focusable="false">
      <rect x="40" y="150" width="160" height="40" rx="8" fill="#40566b" />
      <rect x="70" y="154" width="100" height="6" rx="3" fill="#8fb3d0" />
      <g className="take-card-lift">
        <rect x="70" y="70" width="100" height="64" rx="8" fill="#f5f0e1" stroke="#1d3a5a" strokeWidth="3" />
        <rect x="80" y="82" width="24" height="30" rx="3" fill="#9bb7cf" />
        <rect x="112" y="86" width="48" height="6" rx="3" fill="#1d3a5a" />
        <rect x="112" y="100" width="36" height="6" rx="3" fill="#1d3a5a" />
        {/* Thumb and fingers holding the card's edge. */}
        <path d="M150 122 q22 -4 30 -26 q4 -12 -6 -14 q-8 0 -12 12 l-4 10" fill="#e7b98f" stroke="#1d3a5a" strokeWidth="3" strokeLinejoin="round" />
      </g>
      <path d="M120 52 v-40 M104 28 l16 -16 l16 16" fill="none" stroke="#1d3a5a" strokeWidth="6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
