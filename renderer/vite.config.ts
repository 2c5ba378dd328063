import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../electron/main/security-headers.js';
import { compiledLocales } from './i18n/compiled-locales-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react(), compiledLocales(), faceModels(), tfjsWasm(), speechClips(), cspMeta()],
  resolve: {
    // The locales are parsed at build time (compiledLocales): intl-messageformat only formats ASTs,
    // so its parser (and the parser's tables) is replaced by the formatjs stub made for that.
    alias: [
      { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' },
      { find: /^use-sync-external-store\/shim$/, replacement: fileURLToPath(new URL('app/sync-external-store.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Kiosk hardware runs a recent Chromium (Electron 41 or Debian's); no legacy output.
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
  },
});

/**
 * The content security policy as a `<meta>` in the built page, first in <head> (before anything it
 * governs): the fallback behind the response header (electron/main/security-headers.ts). Build only:
 * a development server injects inline scripts the policy forbids.
 */
function cspMeta(): Plugin {
  return {
    name: 'kiosk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * The face detector's weights ship inside @vladmandic/face-api; the renderer loads them from the app
 * itself (`models/`), never from the network. Only the two models the photo guidance uses are copied.
 */
function faceModels(): Plugin {
  return {
    ...packagedFiles('kiosk-face-models', new URL('../node_modules/@vladmandic/face-api/model/', import.meta.url), 'models', [
      'tiny_face_detector_model-weights_manifest.json',
      'tiny_face_detector_model.bin',
      'face_landmark_68_tiny_model-weights_manifest.json',
      'face_landmark_68_tiny_model.bin',
    ]),
    // face-api's browser bundle carries TensorFlow's wasm backend, whose Emscripten glue has
    // Node-only branches (`require("fs")`, `readFileSync`) that never run in a page. They are
    // neutralised so the renderer ships no Node code (tests/unit/build/renderer-output.test.ts).
    transform(code, id) {
      if (!id.includes('@vladmandic/face-api/dist/face-api.esm.js')) return null;
      return { code: code.replace(/require\("(?:fs|worker_threads)"\)/g, 'undefined').replace(/\.readFileSync\(/g, '.nodeOnlyReadFile('), map: null };
    },
  };
}

/**
 * TensorFlow.js's WebAssembly backend (the face analyser's, renderer/biometrics/face-analyzer.ts):
 * its JavaScript is inside face-api's bundle (TensorFlow.js 4.22.0); the binaries come from the
 * pinned @tensorflow/tfjs-backend-wasm of the same version and ship inside the app as `tfjs/`,
 * never fetched from the network. The threaded build is left out: it needs a cross-origin isolated
 * page (SharedArrayBuffer), which the kiosk's pages are not.
 */
function tfjsWasm(): Plugin {
  return packagedFiles('kiosk-tfjs-wasm', new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url), 'tfjs', [
    'tfjs-backend-wasm.wasm',
    'tfjs-backend-wasm-simd.wasm',
  ]);
}

const CONTENT_TYPES: Record<string, string> = { json: 'application/json', wasm: 'application/wasm' };

/**
 * Files of an npm package shipped inside the app under `prefix/` (emitted by the build, served by
 * the dev server), so the kiosk never fetches them from the network.
 */
function packagedFiles(name: string, dir: URL, prefix: string, files: readonly string[]): Plugin {
  return {
    name,
    generateBundle() {
      for (const file of files) this.emitFile({ type: 'asset', fileName: `${prefix}/${file}`, source: readFileSync(new URL(file, dir)) });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const file = request.url?.match(new RegExp(`/${prefix}/([\\w.-]+)$`))?.[1];
        if (!file || !files.includes(file)) return next();
        response.setHeader('Content-Type', CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream');
        response.end(readFileSync(new URL(file, dir)));
      });
    },
  };
}

/**
 * The pre-rendered speech (assets/audio/<lang>/<key>.ogg, scripts/render-speech.mjs) ships inside the
 * app as `audio/<lang>/<key>.ogg`, served like any other file of the renderer (renderer/speech/speaker.ts).
 */
function speechClips(): Plugin {
  const dir = new URL('../assets/audio/', import.meta.url);
  const clips = (): string[] =>
    existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => readdirSync(new URL(`${d.name}/`, dir)).filter((f) => f.endsWith('.ogg')).map((f) => `${d.name}/${f}`)) : [];
  return {
    name: 'kiosk-speech-clips',
    generateBundle() {
      for (const clip of clips()) this.emitFile({ type: 'asset', fileName: `audio/${clip}`, source: readFileSync(new URL(clip, dir)) });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const clip = request.url?.match(/\/audio\/([\w-]+\/[\w.-]+\.ogg)$/)?.[1];
        if (!clip || !clips().includes(clip)) return next();
        response.setHeader('Content-Type', 'audio/ogg');
        response.end(readFileSync(new URL(clip, dir)));
      });
    },
  };
}
