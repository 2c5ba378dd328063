import type { HostConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { CrashHook } from './crash-points.js';
import { Journal } from './journal.js';
import { type JournalKeyStore, resolveJournalKey } from './key.js';

/**
 * The journal with its key; a key that is missing or not the journal's stops the start with an
 * alert (journal/key.ts): a paid application must never become unreadable because a new key was made.
 */
export function openJournal(
  config: HostConfig,
  options: { clock: () => Date; env?: Readonly<Record<string, string | undefined>>; keyStore?: JournalKeyStore; crash?: CrashHook },
  log: Logger,
): Journal {
  try {
    const resolved = resolveJournalKey({ ...config.journal, env: options.env ?? process.env, store: options.keyStore });
    const journal = new Journal({
      path: config.journal.path,
      key: resolved.key,
      // The host's clock: queuedAt is the application date the back office judges (a minor's 18th birthday) by.
      clock: options.clock,
      ...(options.crash ? { crash: options.crash } : {}),
      onCheckpointError: (error) => log.error('journal: checkpoint after a purge failed (retried at the next start)', { error: String(error) }),
    });
    resolved.key.fill(0);
    log.info('journal opened', { key: resolved.source, schemaFrom: journal.schema.from, schema: journal.schema.to });
    return journal;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('journal-')) {
      log.error(`ALERT ${error instanceof Error ? error.message : String(error)}`, { alert: code });
    }
    throw error;
  }
}
