import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startOpsServer } from './server.js';

/**
 * `npm run ops`: the operations dashboard. Options (or the FLEET_* environment variables):
 *   --broker mqtt(s)://host:port   (FLEET_BROKER_URL, default mqtt://127.0.0.1:1883)
 *   --username ops                 (FLEET_USERNAME; the broker user allowed to read all kiosks and write commands)
 *   --password-file FILE           (FLEET_PASSWORD_FILE)
 *   --ca-file FILE                 (FLEET_CA_FILE; TLS with mqtts://)
 *   --port N                       (FLEET_OPS_PORT; 0 picks a free one)
 * Prints one JSON line `{"event":"listening",…}`, then the page's URL (its token is in the fragment).
 */
const { values } = parseArgs({
  options: {
    broker: { type: 'string' },
    username: { type: 'string' },
    'password-file': { type: 'string' },
    'ca-file': { type: 'string' },
    port: { type: 'string' },
  },
});
const env = process.env;
const passwordFile = values['password-file'] ?? env.FLEET_PASSWORD_FILE;
const caFile = values['ca-file'] ?? env.FLEET_CA_FILE;
const server = await startOpsServer({
  brokerUrl: values.broker ?? env.FLEET_BROKER_URL ?? 'mqtt://127.0.0.1:1883',
  username: values.username ?? env.FLEET_USERNAME ?? 'ops',
  password: passwordFile ? readFileSync(passwordFile, 'utf8').trim() : undefined,
  tls: caFile ? { ca: readFileSync(caFile) } : undefined,
  port: Number(values.port ?? env.FLEET_OPS_PORT ?? 0),
  onWarn: (message, fields) => process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'warn', message, ...fields }) + '\n'),
});
process.stdout.write(JSON.stringify({ event: 'listening', origin: server.origin, url: server.url }) + '\n');
process.stdout.write(`\nOperations dashboard: ${server.url}\nPress Ctrl+C to stop.\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
