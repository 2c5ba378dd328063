/**
 * The "scan my own photo" panel as an explicit machine: the resident lays the print and scans, the
 * host crops it, the renderer checks the face, and the photo is used or refused with a reason.
 */
export type ScanRefusalReason =
  | 'empty-bed'
  | 'too-small'
  | 'crooked'
  | 'glare'
  | 'cover-open'
  | 'timeout'
  | 'not-a-face'
  | 'unclear'
  | 'scanner-problem';

export type ScanOwnState =
  | { name: 'place' }
  | { name: 'scanning' }
  | { name: 'checking'; jpegBase64: string }
  | { name: 'refused'; reason: ScanRefusalReason }
  | { name: 'accepted'; jpegBase64: string };

export type ScanOwnEvent =
  | { type: 'scan' }
  | { type: 'scanned'; jpegBase64: string }
  | { type: 'face-ok' }
  | { type: 'refused'; reason: ScanRefusalReason }
  | { type: 'again' };

/** Which events each state takes; anything else leaves the state as it is. */
export const SCAN_OWN_TRANSITIONS: { readonly [S in ScanOwnState['name']]: ReadonlyArray<ScanOwnEvent['type']> } = {
  place: ['scan'],
  scanning: ['scanned', 'refused'],
  checking: ['face-ok', 'refused'],
  refused: ['again', 'scan'],
  accepted: [],
};

export function scanOwnStep(state: ScanOwnState, event: ScanOwnEvent): ScanOwnState {
  if (!SCAN_OWN_TRANSITIONS[state.name].includes(event.type)) return state;
  switch (event.type) {
    case 'scan':
      return { name: 'scanning' };
    case 'scanned':
      return { name: 'checking', jpegBase64: event.jpegBase64 };
    case 'face-ok':
      return state.name === 'checking' ? { name: 'accepted', jpegBase64: state.jpegBase64 } : state;
    case 'refused':
      return { name: 'refused', reason: event.reason };
    case 'again':
      return { name: 'place' };
  }
}
