#!/usr/bin/env node
/**
 * Renders the kiosk's spoken prompts to audio clips, for kiosks whose platform has no voice for a
 * language (renderer/speech/speaker.ts). Run by hand after changing a spoken message or the list:
 *
 *   npx tsx scripts/render-speech.mjs            # every clip
 *   npx tsx scripts/render-speech.mjs --check    # only says what is missing or stale
 *
 * Needs Debian's `espeak-ng` (voices: yue for zh-Hant, cmn for zh-Hans, pt for pt, en-gb for en) and
 * `ffmpeg` with libopus. Writes assets/audio/<lang>/<key>.ogg (Opus, mono, 16 kHz, ~14 kbit/s) and
 * deletes clips whose key is no longer spoken. The clips are committed: they are product assets, like
 * recorded prompts, and a build never needs espeak-ng. A recorded voice can replace any clip later.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPOKEN_KEYS } from '../renderer/speech/spoken-keys.ts';

const VOICES = { 'zh-Hant': 'yue', 'zh-Hans': 'cmn', pt: 'pt', en: 'en-gb' };
const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

function message(tree, key) {
  let node = tree;
  for (const part of key.split('.')) node = node?.[part];
  if (typeof node !== 'string') throw new Error(`no message ${key}`);
  if (/[{}]/.test(node)) throw new Error(`${key} takes arguments: only argument-free messages are spoken from audio`);
  return node;
}

let rendered = 0;
let bytes = 0;
const problems = [];
for (const [lang, voice] of Object.entries(VOICES)) {
  const tree = JSON.parse(readFileSync(join(root, `locales/${lang}.json`), 'utf8'));
  const dir = join(root, 'assets/audio', lang);
  mkdirSync(dir, { recursive: true });
  // The text each clip was rendered from, so a changed message is re-rendered.
  const manifestFile = join(dir, 'texts.json');
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const next = {};
  for (const key of SPOKEN_KEYS) {
    const text = message(tree, key);
    next[key] = text;
    const file = join(dir, `${key}.ogg`);
    // An empty message is a word this language does not say (speech.step.end in English): no clip.
    if (text === '') {
      if (existsSync(file)) {
        if (check) problems.push(`${lang}/${key}: a clip for an empty message`);
        else rmSync(file);
      }
      continue;
    }
    if (existsSync(file) && manifest[key] === text) continue;
    if (check) {
      problems.push(`${lang}/${key}: ${existsSync(file) ? 'stale' : 'missing'}`);
      continue;
    }
    const wav = join(tmpdir(), `speech-${process.pid}.wav`);
    execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', wav, text]);
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', wav, '-ac', '1', '-ar', '16000', '-c:a', 'libopus', '-b:a', '14k', '-application', 'voip', file]);
    rmSync(wav, { force: true });
    rendered += 1;
  }
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ogg')) continue;
    if (!(name.slice(0, -4) in next)) {
      if (check) problems.push(`${lang}/${name}: no key`);
      else rmSync(join(dir, name));
    }
  }
  if (!check) writeFileSync(manifestFile, JSON.stringify(next, null, 2) + '\n');
  for (const name of readdirSync(dir)) bytes += readFileSync(join(dir, name)).length;
}
if (check) {
  console.log(problems.length ? problems.join('\n') : 'every clip is up to date');
  process.exitCode = problems.length ? 1 : 0;
} else {
  console.log(JSON.stringify({ rendered, keys: SPOKEN_KEYS.length, languages: Object.keys(VOICES).length, totalBytes: bytes }));
}
