/** The residents' visits the crash-point test runs (run-scripted.ts, run-visit.ts, tests/integration/crash). */
export const SCENARIOS = [
  'approve', // card terminal approves, back office accepts
  'lost-response', // the terminal charges but its answer is lost (the runner queued `lose-response`)
  'decline-then-approve', // first attempt declined (queued `decline`), the resident pays again
  'refused', // the back office refuses the application: the payment is reversed
  'backoffice-down', // submissions answer 503 (runner's fault): kept for later, sent on recovery
  'lose-submission', // the back office stores it but the answer is lost: resent, replayed
  'govpay', // GovPay QR (the runner's back office pays it on the first poll)
  'walk-away', // the resident leaves before paying: nothing charged, nothing sent
  'cancel-after-payment', // paid and accepted, then cancelled on the receipt screen: withdrawn, payment voided
] as const;
export type Scenario = (typeof SCENARIOS)[number];
