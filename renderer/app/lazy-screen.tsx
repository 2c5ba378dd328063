import { type ComponentType, type ReactElement, lazy, Suspense } from 'react';

/**
 * A screen whose code is not in the entry chunk: the first paint (attract screen, menu) loads
 * less, and the rest arrives while the kiosk waits for a resident (`preload`, on idle once connected).
 * Once loaded the screen renders at once, with no fallback frame: a lazy screen only suspends
 * when it is needed before its preload finished.
 */
export type LazyScreen<P extends object> = ((props: P) => ReactElement) & { preload: () => Promise<void> };

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = (): Promise<void> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        loading = undefined; // a failed fetch may be tried again
        throw error;
      },
    );
    return loading;
  };
  const Suspended = lazy(async () => {
    await preload();
    return { default: loaded as ComponentType<P> };
  });
  function LazyScreenComponent(props: P): ReactElement {
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={<div className="screen" aria-busy="true" />}>
        <Suspended {...props} />
      </Suspense>
    );
  }
  return Object.assign(LazyScreenComponent, { preload });
}

/**
 * Loads every lazy screen at the first idle moment (or 2 s at most) after it is called (App.tsx: once connected):
 * all at once, since they are local files, so a resident's first tap finds them loaded. A screen
 * whose load failed shows its fallback when needed and is fetched again then.
 */
export function preloadWhenIdle(screens: ReadonlyArray<{ preload: () => Promise<void> }>): void {
  const all = () => {
    for (const screen of screens) screen.preload().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(all, { timeout: 2000 });
  else setTimeout(all, 200);
}
