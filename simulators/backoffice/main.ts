import { readFileSync } from 'node:fs';
import { startBackofficeServer } from './server.js';

// The back-office simulator as a process of its own. Its own file, not a "am I the entry?" check in
// server.ts: the kiosk host imports server.ts, and inside the host's start bundle
// (scripts/bundle-host.mjs) every module shares the bundle's URL, so such a check would be true there.

/**
 * `npm run backoffice [-- --port N --db FILE --govpay-auto-pay --control-token T --tls-key F --tls-cert F --tls-ca F]`:
 * prints one JSON line with its URL and control token.
 */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const tlsKey = arg('--tls-key');
  const tlsCert = arg('--tls-cert');
  const tlsCa = arg('--tls-ca');
  const controlToken = arg('--control-token') ?? process.env.BACKOFFICE_CONTROL_TOKEN;
  const server = await startBackofficeServer({
    port: Number(arg('--port') ?? process.env.BACKOFFICE_PORT ?? 0),
    dbPath: arg('--db') ?? ':memory:',
    govPayAutoPay: argv.includes('--govpay-auto-pay'),
    ...(controlToken ? { controlToken } : {}),
    ...(tlsKey && tlsCert && tlsCa ? { tls: { key: readFileSync(tlsKey), cert: readFileSync(tlsCert), ca: readFileSync(tlsCa) } } : {}),
  });
  process.stdout.write(JSON.stringify({ event: 'listening', url: server.url, controlToken: server.controlToken }) + '\n');
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`back office failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
