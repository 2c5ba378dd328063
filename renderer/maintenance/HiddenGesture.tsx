import { useRef } from 'react';
import { beginMaintenance } from './maintenance-flow.js';
import './hidden-gesture.css';

const HOLD_MS = 3000;

/**
 * The technician's hidden gesture: holding the top-left corner for three seconds. Invisible and
 * silent for residents (no role, not focusable); it only asks the host to wait for a staff card,
 * and the host refuses during a visit.
 */
export function HiddenGesture() {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
  };
  return (
    <div
      className="hidden-gesture"
      data-testid="maintenance-gesture"
      aria-hidden="true"
      onPointerDown={() => {
        cancel();
        timer.current = setTimeout(() => void beginMaintenance(), HOLD_MS);
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
    />
  );
}
