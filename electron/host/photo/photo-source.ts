/**
 * Where a "My Photo" ID photo (一戶通 證件照) comes from, by the 6-digit share code the resident
 * reads from the citizen app. The back office answers in production.
 *
 * TODO(backoffice): switch to the back-office client (simulators/backoffice is being built) once it
 * exposes the share-code endpoint; until then the host uses `SimulatedPhotoSource`.
 */
export type ShareCodeLookup =
  | { found: true; jpeg: Uint8Array; takenOn: string }
  | { found: false };

export interface PhotoSource {
  /** Resolves `{ found: false }` for an unknown or expired code; rejects only when the source is unreachable. */
  fetchByShareCode(code: string, signal?: AbortSignal): Promise<ShareCodeLookup>;
}
