import { type ComponentType, type ReactElement, lazy, Suspense } from 'react';

/**
 * A screen whose code is not in the entry chunk: the first paint (attract screen, menu) loads
 * less, and the rest arrives while the kiosk waits for a resident (`preload`, on idle after start).
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

/** Loads every lazy screen when the renderer is idle, one after another, so a tap never waits for one. */
export function preloadWhenIdle(screens: ReadonlyArray<{ preload: () => Promise<void> }>): void {
  const idle = (callback: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 2000 }) : setTimeout(callback, 200);
  const next = (index: number) => {
    const screen = screens[index];
    if (!screen) return;
    idle(() => {
      screen.preload().then(
        () => next(index + 1),
        () => next(index + 1), // shown with its fallback when needed, and fetched again then
      );
    });
  };
  next(0);
}
