import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Kiosk hardware runs a recent Chromium (Electron 41 or Debian's); no legacy output.
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
