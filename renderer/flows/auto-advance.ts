import { useEffect, useRef } from 'react';

/**
 * How long a device step's success stays on screen before the flow moves on by itself (fingerprint
 * verified, ten prints complete, both card sides scanned). It is time to read the success text and
 * hear it announced, not an animation: reduced motion keeps it.
 */
export const SUCCESS_DISPLAY_MS = 1200;

/**
 * Calls `advance` once, `SUCCESS_DISPLAY_MS` after `succeeded` turns true, unless the screen is left
 * (or the success withdrawn) first. The screen shows its success text in a `role="status"` meanwhile.
 */
export function useAutoAdvance(succeeded: boolean, advance: () => void): void {
  const latest = useRef(advance);
  latest.current = advance;
  useEffect(() => {
    if (!succeeded) return undefined;
    const timer = setTimeout(() => latest.current(), SUCCESS_DISPLAY_MS);
    return () => clearTimeout(timer);
  }, [succeeded]);
}
