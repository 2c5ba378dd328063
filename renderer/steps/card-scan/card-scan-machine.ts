/** The card-surface step as an explicit machine: each asked side is laid, scanned and kept, or refused with a reason. */
export type Side = 'front' | 'back';
export type CardScanRefusal = 'empty-bed' | 'not-a-card' | 'crooked' | 'cover-open' | 'timeout' | 'scanner-problem';

export type CardScanState =
  | { name: 'place' | 'scanning'; side: Side; scanned: Partial<Record<Side, string>> }
  | { name: 'refused'; side: Side; reason: CardScanRefusal; scanned: Partial<Record<Side, string>> }
  | { name: 'done'; side: Side; scanned: Partial<Record<Side, string>> };

export type CardScanEvent =
  | { type: 'scan' }
  | { type: 'scanned'; side: Side; jpegBase64: string; next: Side | undefined }
  | { type: 'refused'; reason: CardScanRefusal };

export const CARD_SCAN_TRANSITIONS: { readonly [S in CardScanState['name']]: ReadonlyArray<CardScanEvent['type']> } = {
  place: ['scan'],
  scanning: ['scanned', 'refused'],
  refused: ['scan'],
  done: [],
};

export function cardScanStep(state: CardScanState, event: CardScanEvent): CardScanState {
  if (!CARD_SCAN_TRANSITIONS[state.name].includes(event.type)) return state;
  switch (event.type) {
    case 'scan':
      return { name: 'scanning', side: state.side, scanned: state.scanned };
    case 'scanned': {
      const scanned = { ...state.scanned, [event.side]: event.jpegBase64 };
      return event.next ? { name: 'place', side: event.next, scanned } : { name: 'done', side: event.side, scanned };
    }
    case 'refused':
      return { name: 'refused', side: state.side, reason: event.reason, scanned: state.scanned };
  }
}
