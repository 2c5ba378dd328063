import { describe, expect, it } from 'vitest';
import { scanimageFailure } from '../../../devices/document-scanner/drivers/scanimage-errors.js';

/** What a failed `scanimage` printed, as SANE's test backend and real backends word it. */
describe('scanimage failures', () => {
  it('names the SANE status, not what scanimage printed after it', () => {
    // Seen in the SANE contract test under load: the read failed with the cover open, then the
    // output pipe was gone. The resident must be told to close the lid, not that the scanner is broken.
    expect(scanimageFailure('scanimage: sane_read: Scanner cover is open\nscanimage: received signal 13\n')).toEqual({
      code: 'user-action-needed',
      detail: 'cover-open',
      message: 'scanimage: sane_read: Scanner cover is open',
    });
  });

  it('types each status the kiosk knows', () => {
    expect(scanimageFailure('scanimage: sane_start: Scanner cover is open')?.detail).toBe('cover-open');
    expect(scanimageFailure('scanimage: sane_start: Document feeder out of documents')?.detail).toBe('no-document');
    expect(scanimageFailure('scanimage: open of device epson2:libusb:001:004 failed: Device busy')?.code).toBe('busy');
    expect(scanimageFailure('scanimage: sane_read: Document feeder jammed')?.code).toBe('hardware-fault');
    expect(scanimageFailure('scanimage: sane_read: Error during device I/O')?.code).toBe('not-connected');
  });

  it('leaves an unknown message to the caller (a hardware fault with its text)', () => {
    expect(scanimageFailure('scanimage: received signal 15\n')).toBeUndefined();
    expect(scanimageFailure('')).toBeUndefined();
  });
});
