import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '../../e2e/fixtures/kiosk-host.js';
import { throughToHeight } from '../../e2e/renewal-steps.js';

/**
 * Camera open → first face guidance shown, on the live photo step of a permanent renewal walked as
 * the e2e tests walk it (the fake camera plays a face). The page notes when `getUserMedia` gives
 * the stream and when the guidance line (`data-guidance`) first says something other than
 * "starting". Writes each walk's figures to tests/artifacts/bench/photo-walkN.json (photo.bench.ts).
 */
const walks = Number(process.env.PHOTO_WALKS ?? (process.env.BENCH_QUICK === '1' ? 1 : 3));
const out = join(process.cwd(), 'tests/artifacts/bench');

for (let walk = 1; walk <= walks; walk++) {
  test(`camera open to first guidance, walk ${walk}`, async ({ page, kiosk }) => {
    await page.addInitScript(() => {
      const marks: { cameraOpenedAt?: number; firstGuidanceAt?: number; guidance?: string } = {};
      (window as unknown as { __photo: typeof marks }).__photo = marks;
      const media = navigator.mediaDevices;
      const open = media.getUserMedia.bind(media);
      media.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        marks.cameraOpenedAt = performance.now();
        return stream;
      };
      new MutationObserver(() => {
        const line = document.querySelector('[data-guidance]');
        const guidance = line?.getAttribute('data-guidance');
        if (marks.cameraOpenedAt === undefined || marks.firstGuidanceAt !== undefined || !guidance || guidance === 'starting' || guidance === 'camera-problem') return;
        marks.firstGuidanceAt = performance.now();
        marks.guidance = guidance;
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-guidance'] });
    });
    await throughToHeight(page, kiosk, 'en');
    const marks = await page.evaluate(() => (window as unknown as { __photo: { cameraOpenedAt?: number; firstGuidanceAt?: number; guidance?: string } }).__photo);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `photo-walk${walk}.json`), JSON.stringify(marks));
  });
}
