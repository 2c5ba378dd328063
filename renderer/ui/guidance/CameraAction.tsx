/** Look up at the camera above the screen, face inside the outline; the lens glows while it captures. */
export function CameraAction() {
  return (
    <svg className="guidance-action" viewBox="0 0 260 200" aria-hidden="true" focusable="false">
      <rect className="g-body" x="90" y="6" width="80" height="30" rx="8" />
      <circle className="g-paper" cx="130" cy="21" r="10" />
      <circle className="g-accent g-work" cx="130" cy="21" r="6" />
      <path className="g-line" d="M130 44 v16 m-8 -8 l8 -8 l8 8" />
      <ellipse className="g-paper" cx="130" cy="122" rx="40" ry="50" />
      <circle className="g-dim" cx="115" cy="112" r="5" />
      <circle className="g-dim" cx="145" cy="112" r="5" />
      <path className="g-thin" d="M116 146 q14 10 28 0" />
      <rect className="g-here" x="72" y="62" width="116" height="128" rx="18" strokeDasharray="10 8" />
    </svg>
  );
}
