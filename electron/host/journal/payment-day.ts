import type Database from 'better-sqlite3';
import type { PaymentSystem } from '../../shared/kiosk-api/schemas/journal-states.js';

/** One payment method's day, for the staff's reconciliation: counts and sums from the audit trail. */
export interface PaymentDay {
  approved: { count: number; totalAvos: number };
  declined: number;
  reversed: { count: number; totalAvos: number };
  unknown: number;
}

/** What one payment method did between two instants, from the audit trail: sales approved (and their sum), declined, refunded (and their sum), and still unknown. */
export function paymentDayOf(sql: (text: string) => Database.Statement, method: PaymentSystem, fromIso: string, toIso: string): PaymentDay {
  const rows = sql(
      `SELECT t.kind AS kind, COUNT(*) AS count, COALESCE(SUM(p.amount_avos), 0) AS total FROM transitions t JOIN payments p ON p.reference = t.subject
       WHERE p.method = ? AND t.at >= ? AND t.at < ? AND t.kind IN ('approved', 'declined', 'reversed') GROUP BY t.kind`,
    )
    .all(method, fromIso, toIso) as Array<{ kind: string; count: number; total: number }>;
  const of = (kind: string) => rows.find((r) => r.kind === kind) ?? { count: 0, total: 0 };
  const unknown = sql(`SELECT COUNT(*) AS n FROM payments WHERE method = ? AND state = 'unknown'`).get(method) as { n: number };
  return {
    approved: { count: of('approved').count, totalAvos: of('approved').total },
    declined: of('declined').count,
    reversed: { count: of('reversed').count, totalAvos: of('reversed').total },
    unknown: unknown.n,
  };
}
