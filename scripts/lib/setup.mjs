// Set-up shared by `npm start` and `npm test`: install what is missing, then build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function runOrExit(command, args, options = {}) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

/** Where the lockfile's hash is kept after an install, inside node_modules so it goes with it. */
const INSTALLED_LOCK_HASH = join(root, 'node_modules', '.kiosk-lock-sha256');

function lockHash() {
  return createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
}

/**
 * `npm ci` when node_modules is missing or was installed from another lockfile. The lock's content
 * decides, not file dates: a checkout or a copied node_modules (`cp -a` into a second worktree)
 * changes dates without changing what is installed. An install from before the hash was kept is
 * judged by dates once, then the hash is recorded.
 */
export function ensureNodeModules() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const hash = lockHash();
  if (existsSync(installed)) {
    if (existsSync(INSTALLED_LOCK_HASH)) {
      if (readFileSync(INSTALLED_LOCK_HASH, 'utf8').trim() === hash) return;
    } else if (statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
      writeFileSync(INSTALLED_LOCK_HASH, `${hash}\n`);
      return;
    }
  }
  console.log('• Installing npm packages (npm ci)…');
  // Electron's binary cannot be downloaded on every machine: never let its install step try.
  runOrExit('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  writeFileSync(INSTALLED_LOCK_HASH, `${hash}\n`);
}

function installedDebianPackages(names) {
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status === 0 && result.stdout.includes('install ok installed');
  });
}

/**
 * Installs the Debian packages the tests need when running as root; otherwise names them and
 * returns false, so the caller can stop with a clear message.
 */
export function ensureDebianPackages(names) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    console.warn(`! Not a Debian system: make sure these are installed: ${names.join(' ')}`);
    return true;
  }
  const missing = names.filter((name) => !installedDebianPackages([name]).length);
  if (missing.length === 0) return true;
  if (process.getuid?.() !== 0) {
    console.error(`✗ Missing Debian packages: ${missing.join(' ')}\n  Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  console.log(`• Installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  runOrExit('apt-get', ['update', '-qq'], { env });
  runOrExit('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  return true;
}

/**
 * The host's environment, as the service unit (scripts/systemd/dsi-kiosk-host.service) sets it.
 * Two glibc malloc arenas: the image work (sharp/libvips threads) otherwise spreads over one arena
 * per thread and RSS creeps up for thousands of sessions; with two it levels off (docs/performance.md).
 */
export const HOST_ENV = { MALLOC_ARENA_MAX: '2' };

export function build() {
  console.log('• Building renderer and host…');
  runOrExit('npm', ['run', '--silent', 'build']);
}

/** Electron's binary, if this machine has it (its download is optional and may have failed). */
export function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = spawnSync('cat', [pathFile], { encoding: 'utf8' }).stdout.trim();
  const binary = join(root, 'node_modules', 'electron', 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

export function findChromium() {
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The kiosk window's command line. It opens the host's launch file (a 0600 page that forwards to
 * the kiosk with its token), never the kiosk URL itself: every user can read every process's argv.
 */
export function kioskChromiumArgs({ launchFile, profileDir }) {
  if (!launchFile.startsWith('/')) throw new Error('the launch file must be an absolute path');
  return [...chromiumFlags(), `--user-data-dir=${profileDir}`, '--kiosk', `--app=file://${launchFile}`];
}

/** Flags every Chromium we start needs here: no sandbox as root, no calls to Google's services. */
export function chromiumFlags() {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
