import type Database from 'better-sqlite3';
import { JournalError } from './errors.js';
import { type Entity, type EntityKinds, NEW, nextState, TRANSITIONS } from './transitions.js';

export type SqlValue = string | number | Uint8Array | null;

/** The columns each entity's transitions may set besides its state (names are code, never input). */
interface EntityColumns {
  session: 'started_at' | 'ended_reason' | 'outcome';
  application: 'session_id' | 'service' | 'fee_avos' | 'payload' | 'attempts' | 'receipt_number' | 'queued_at' | 'accepted_at' | 'last_error';
  payment: 'application_id' | 'method' | 'tender' | 'amount_avos' | 'auth_code' | 'reason';
}

export interface Transition<E extends Entity> {
  entity: E;
  id: string;
  event: EntityKinds[E]['event'];
  set?: Partial<Record<EntityColumns[E], SqlValue>>;
  /** The audit row's stable code (never personal data). */
  code: string | null;
}

/**
 * Where each entity lives: its table and key, its state as an SQL expression (a session's phase is
 * derived from `state` and `ended_reason`), the columns that store a state, and its session (the
 * audit row's session).
 */
export const SHAPES: { [E in Entity]: { table: string; key: string; phase: string; session: string; stateColumns: (to: EntityKinds[E]['state']) => Record<string, string> } } = {
  session: {
    table: 'sessions',
    key: 'id',
    phase: `CASE WHEN state = 'final' THEN 'final' WHEN ended_reason IS NULL THEN 'open' ELSE 'ended' END`,
    session: 'id',
    stateColumns: (to) => ({ state: to === 'final' ? 'final' : 'open' }),
  },
  application: { table: 'applications', key: 'id', phase: 'state', session: 'session_id', stateColumns: (to) => ({ state: to }) },
  payment: {
    table: 'payments',
    key: 'reference',
    phase: 'state',
    session: '(SELECT a.session_id FROM applications a WHERE a.id = payments.application_id)',
    stateColumns: (to) => ({ state: to }),
  },
};

/**
 * The one place a state changes. Inside the caller's transaction: reads the row's state, looks the
 * edge up in the entity's transition table (transitions.ts), applies it to exactly one row
 * (`WHERE key AND state = from`), reads the new state back, and writes the audit row. Anything
 * else throws a `JournalError`, and the transaction rolls back: row and trail stay as they were.
 */
export function applyTransition<E extends Entity>(db: Database.Database, sql: (text: string) => Database.Statement, change: Transition<E>, now: string): void {
  const { entity, id, event } = change;
  if (!db.inTransaction) throw new Error('journal: a transition runs inside a transaction'); // a bug
  const shape = SHAPES[entity];
  const before = sql(`SELECT ${shape.phase} AS phase FROM ${shape.table} WHERE ${shape.key} = ?`).get(id) as { phase: EntityKinds[E]['state'] } | undefined;
  const from = before?.phase ?? NEW;
  const to = nextState(entity, from, event);
  if (to === undefined) {
    if (from === NEW) throw new JournalError('not-found', entity, id, `no ${entity} ${id}`);
    const allowed = Object.keys(TRANSITIONS[entity][from]).join(', ') || 'nothing';
    throw new JournalError('illegal-transition', entity, id, `${entity} ${id} is ${from}: ${event} is not allowed (allowed: ${allowed})`);
  }
  const columns: Record<string, SqlValue> = { ...change.set, ...shape.stateColumns(to), updated_at: now };
  const names = Object.keys(columns);
  const values = Object.values(columns);
  const changed =
    from === NEW
      ? sql(`INSERT INTO ${shape.table} (${shape.key}, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})`).run(id, ...values).changes
      : sql(`UPDATE ${shape.table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE ${shape.key} = ? AND ${shape.phase} = ?`).run(...values, id, from)
          .changes;
  if (changed !== 1) throw new JournalError('row-not-changed', entity, id, `${entity} ${id}: ${event} changed ${changed} rows, not 1`);
  const after = sql(`SELECT ${shape.phase} AS phase, ${shape.session} AS session_id FROM ${shape.table} WHERE ${shape.key} = ?`).get(id) as
    | { phase: string; session_id: string | null }
    | undefined;
  if (after?.phase !== to || !after.session_id) {
    throw new JournalError('row-not-changed', entity, id, `${entity} ${id} is ${after?.phase ?? 'gone'} after ${event}, not ${to}`);
  }
  sql(`INSERT INTO transitions (at, session_id, subject, kind, code) VALUES (?, ?, ?, ?, ?)`).run(now, after.session_id, id, event, change.code);
}
