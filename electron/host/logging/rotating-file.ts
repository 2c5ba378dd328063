import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A size-rotated log file: `host.log` grows to `maxBytes`, then becomes `host.log.1` (the older
 * ones shift up to `keep`, the oldest is deleted). Written synchronously, line by line, so the
 * last line before a crash is on disk (the fatal handler logs just before the process exits).
 * Mode 0600: a log is for the people who run the centre.
 */
export class RotatingFile {
  private fd: number;
  private size: number;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly options: { maxBytes: number; keep: number },
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.fd = openSync(path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  /** After close (a line logged while the process stops) the line goes to stderr only. */
  write(line: string): void {
    if (this.closed) return;
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    const { keep } = this.options;
    if (existsSync(`${this.path}.${keep}`)) rmSync(`${this.path}.${keep}`);
    for (let n = keep - 1; n >= 1; n--) if (existsSync(`${this.path}.${n}`)) renameSync(`${this.path}.${n}`, `${this.path}.${n + 1}`);
    renameSync(this.path, `${this.path}.1`);
    this.fd = openSync(this.path, 'a', 0o600);
    this.size = 0;
  }
}
