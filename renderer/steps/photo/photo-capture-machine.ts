/**
 * The photo step as an explicit machine. Where the step offers My Photo beside another source, the
 * resident first chooses one; the live camera guides until the face passes every check, then counts down
 * 3-2-1 on screen and takes the photo; every source ends on a review with "Retake" and "Use this
 * photo". The screen (PhotoScreen.tsx) runs the camera, the detector and the KioskApi calls, and
 * reports what happened as events.
 */
export type PhotoSourceKind = 'live' | 'one-account-id-photo' | 'scanned-photo';
/** The panels a source opens: the camera, the 一戶通 share code, the scanner. */
export type SourceMode = 'live' | 'share-code' | 'scan';
export type ReviewSource = 'live' | 'my-photo' | 'scanned-photo';

/** Seconds shown before the live capture. */
export const COUNTDOWN_FROM = 3;

export type PhotoState =
  | { name: 'choose' }
  | { name: 'live' }
  | { name: 'countdown'; remaining: number }
  | { name: 'capturing' }
  | { name: 'share-code' }
  | { name: 'scan' }
  | { name: 'review'; dataUrl: string; source: ReviewSource };

export type PhotoEvent =
  /** The resident picked a source on the choice screen, or switched to another one. */
  | { type: 'choose'; mode: SourceMode }
  /** The detector found the face ready (every check passed). */
  | { type: 'face-ready' }
  /** The face left or failed its checks during the countdown: guidance again, then a new countdown. */
  | { type: 'face-lost' }
  /** One second of the countdown has passed. */
  | { type: 'tick' }
  /** The host holds the photo: shown for review. */
  | { type: 'captured'; dataUrl: string; source: ReviewSource }
  /** The host refused the live shot (or it could not be taken): back to the camera. */
  | { type: 'capture-failed' }
  | { type: 'retake' };

/** Which events each state takes; anything else leaves the state as it is. */
export const PHOTO_TRANSITIONS: { readonly [S in PhotoState['name']]: ReadonlyArray<PhotoEvent['type']> } = {
  choose: ['choose'],
  live: ['face-ready', 'choose'],
  countdown: ['tick', 'face-lost', 'choose'],
  capturing: ['captured', 'capture-failed'],
  'share-code': ['captured', 'choose'],
  scan: ['captured', 'choose'],
  review: ['retake', 'choose'],
};

/**
 * Where the step starts. The choice comes first where the step offers the 一戶通 "My Photo" beside
 * another source: the non-permanent renewal's leaflet puts it as a choice of the applicant's [000].
 * A scanned print is the camera's alternative (offered on the camera screen from the start), so a
 * step of live + scanned print opens the camera at once and costs no extra tap. Otherwise the only
 * source's panel.
 */
export function initialPhotoState(sources: readonly PhotoSourceKind[]): PhotoState {
  if (sources.length > 1 && sources.includes('one-account-id-photo')) return { name: 'choose' };
  return { name: modeOf(sources.includes('live') ? 'live' : (sources[0] ?? 'live')) };
}

export function modeOf(source: PhotoSourceKind): SourceMode {
  return source === 'one-account-id-photo' ? 'share-code' : source === 'scanned-photo' ? 'scan' : 'live';
}

export function photoStep(state: PhotoState, event: PhotoEvent): PhotoState {
  if (!PHOTO_TRANSITIONS[state.name].includes(event.type)) return state;
  switch (event.type) {
    case 'choose':
      return { name: event.mode };
    case 'face-ready':
      return { name: 'countdown', remaining: COUNTDOWN_FROM };
    case 'face-lost':
    case 'capture-failed':
      return { name: 'live' };
    case 'tick':
      return state.name === 'countdown' && state.remaining > 1 ? { name: 'countdown', remaining: state.remaining - 1 } : { name: 'capturing' };
    case 'captured':
      // A live result only comes from the shot the countdown took; the panels give their own sources.
      if (state.name === 'capturing' && event.source !== 'live') return state;
      if (state.name !== 'capturing' && event.source === 'live') return state;
      return { name: 'review', dataUrl: event.dataUrl, source: event.source };
    case 'retake':
      // A scanned print is scanned again; a live photo, or a My Photo the resident does not want, is taken live.
      return state.name === 'review' ? { name: state.source === 'scanned-photo' ? 'scan' : 'live' } : state;
  }
}

/** The camera runs (preview and detector) in these states. */
export function cameraOn(state: PhotoState): boolean {
  return state.name === 'live' || state.name === 'countdown' || state.name === 'capturing';
}
