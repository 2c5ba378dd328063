import type { Session } from 'electron';
import { isAppOrigin, isAppUrl } from './app-origin.js';
import type { MainLog } from './log.js';

/**
 * The renderer needs one browser permission: the camera, for the photo preview. Everything else
 * (microphone, location, notifications, clipboard, screen capture, HID/USB/serial from the page,
 * which must go through the host) is refused, and so is the camera for any origin but the app's.
 */

export interface PermissionRequestFacts {
  permission: string;
  /** The URL of the frame asking (PermissionRequest.requestingUrl). */
  requestingUrl: string;
  isMainFrame: boolean;
  /** For 'media': what the page asked to capture. */
  mediaTypes?: readonly string[] | undefined;
}

export function allowPermissionRequest(facts: PermissionRequestFacts): boolean {
  if (facts.permission !== 'media') return false;
  if (!facts.isMainFrame || !isAppUrl(facts.requestingUrl)) return false;
  const types = facts.mediaTypes ?? [];
  // An empty list would be an odd request; only "video and nothing else" is the camera.
  return types.length > 0 && types.every((type) => type === 'video');
}

export interface PermissionCheckFacts {
  permission: string;
  requestingOrigin: string;
  /** PermissionCheckHandlerHandlerDetails.mediaType: 'video' | 'audio' | 'unknown'. */
  mediaType?: string | undefined;
}

export function allowPermissionCheck(facts: PermissionCheckFacts): boolean {
  return facts.permission === 'media' && facts.mediaType === 'video' && isAppOrigin(facts.requestingOrigin);
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
>;

/** Installs the policy on the session the kiosk window uses. */
export function installPermissionPolicy(session: PermissionSession, log: MainLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const facts: PermissionRequestFacts = {
      permission,
      requestingUrl: details.requestingUrl,
      isMainFrame: details.isMainFrame,
      mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
    };
    const allowed = allowPermissionRequest(facts);
    if (!allowed) {
      log.warn('lockdown: permission refused', {
        permission,
        mediaTypes: facts.mediaTypes,
        url: details.requestingUrl.slice(0, 300),
      });
    }
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck({ permission, requestingOrigin, mediaType: details.mediaType }),
  );
  // WebHID/WebUSB/Web Serial: the devices belong to the host, never to the page.
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(); // no id: the chooser is cancelled
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  // Nothing on a kiosk is ever downloaded to its disk from the page.
  session.on('will-download', (event) => {
    event.preventDefault();
    log.warn('lockdown: download refused');
  });
}
