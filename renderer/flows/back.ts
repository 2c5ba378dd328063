import { flow } from './flow-runner.js';

/**
 * The resident's Back (ui/BackButton.tsx): one step back in the host's plan, where the host says it
 * is safe (`VisitState.canGoBack`). The host discards a capture gone back to, so a retaken photo or
 * a new measurement replaces it.
 */
export function goBack(): Promise<void> {
  return flow.dispatch({ type: 'back' });
}
