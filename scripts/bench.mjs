// `npm run bench`: builds, then runs every `bench:*` script in package.json in turn; each prints
// its figures and ends with one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureNodeModules, root, run } from './lib/setup.mjs';

ensureNodeModules();
build();
const scripts = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts).filter((name) => name.startsWith('bench:'));
let failed = 0;
for (const name of scripts) {
  console.log(`\n• ${name}`);
  if (run('npm', ['run', '--silent', name]) !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
