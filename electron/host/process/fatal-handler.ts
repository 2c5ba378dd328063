import type { Logger } from '../log.js';

/**
 * The last line of defence of the host process (browser mode and Electron's main process alike):
 * an uncaught exception or an unhandled rejection means the process is in a state nobody planned.
 * It is journaled (kind and error class only: a message may carry personal data), logged with its
 * stack, the host is stopped as far as it can be within a few seconds (journal closed, devices
 * released), and the process exits non-zero for the service manager to restart it. The journal's
 * recovery at the next start settles whatever was in flight. In Electron this handler also keeps
 * Electron's native error dialog, with its stack trace, off the public screen.
 */
export const FATAL_EXIT_CODE = 70; // EX_SOFTWARE

export interface FatalTarget {
  /** Journals the fault; may be absent while the host is still starting. */
  record?: (kind: string, code: string | null) => void;
  /** Stops the host (journal flushed, devices released). */
  stop?: () => Promise<void>;
}

export interface FatalHandlerOptions {
  log: Pick<Logger, 'error'>;
  /** The host, once it exists. */
  target: () => FatalTarget;
  exit: (code: number) => void;
  /** How long stopping may take before the process exits anyway. */
  stopTimeoutMs?: number;
  /** The process to watch (tests pass an emitter). */
  process?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export type FatalKind = 'uncaught-exception' | 'unhandled-rejection';

/** Installs the handlers; returns a function that removes them. */
export function installFatalHandlers(options: FatalHandlerOptions): () => void {
  const proc = options.process ?? process;
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  let handling = false;

  const handle = (kind: FatalKind, error: unknown): void => {
    const code = errorClass(error);
    if (handling) {
      // A second fault while stopping: stop trying and leave now.
      options.log.error('fatal: another fault while stopping; exiting at once', { kind, code });
      options.exit(FATAL_EXIT_CODE);
      return;
    }
    handling = true;
    options.log.error(`fatal: ${kind}; the host stops and exits for the service manager to restart it`, {
      alert: 'host-fault',
      kind,
      code,
      stack: error instanceof Error ? error.stack : undefined,
    });
    const target = options.target();
    try {
      target.record?.(kind, code);
    } catch (recordError) {
      options.log.error('fatal: the fault could not be journaled', { error: errorClass(recordError) });
    }
    const stopping = target.stop ? target.stop() : Promise.resolve();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, stopTimeoutMs).unref());
    void Promise.race([stopping.catch((stopError: unknown) => options.log.error('fatal: stopping failed', { error: errorClass(stopError) })), timeout]).finally(() =>
      options.exit(FATAL_EXIT_CODE),
    );
  };

  const onException = (error: unknown): void => handle('uncaught-exception', error);
  const onRejection = (reason: unknown): void => handle('unhandled-rejection', reason);
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}

/** `TypeError`, `RangeError`, a custom class name, or the type of a thrown non-error: never its message. */
function errorClass(error: unknown): string {
  if (error instanceof Error) return error.name.slice(0, 64) || 'Error';
  return `non-error:${typeof error}`;
}
