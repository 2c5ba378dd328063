import type * as FaceApiModule from '@vladmandic/face-api';
import { type Box, type FrameObservation, judgeFrame, type Judgement, lumaStats, type Point } from './face-checks.js';

/** Detector settings: small input for speed; a kiosk's face is large in the frame. */
export const ANALYSIS = {
  /** Frames are scaled to this width before detection (4:3). */
  width: 256,
  inputSize: 128,
  /** Landmarks (eyes, head pose) are refreshed at least every this many frames while the face is still. */
  landmarksEvery: 3,
  /** A face that moved more than this (of its width) needs fresh landmarks. */
  landmarksMaxShift: 0.08,
  scoreThreshold: 0.45,
  /** The face region is scaled to this width for the light and sharpness statistics. */
  statsWidth: 64,
};

export interface FrameAnalysis extends Judgement {
  observation: FrameObservation;
  /** Milliseconds this analysis took. */
  ms: number;
}

type FaceApi = typeof FaceApiModule;

/** TensorFlow.js backends the analyser can run on. */
export type FaceBackend = 'wasm' | 'webgl' | 'cpu';
/**
 * WebAssembly (SIMD), chosen by measurement (`bench:face`, docs/performance.md): the kiosk PC
 * renders in software, where WebGL spends seconds compiling shaders before its first analysis and
 * is slower per frame than wasm; the plain CPU backend is slower still.
 */
export const PREFERRED_BACKEND: FaceBackend = 'wasm';
/** Where the app serves TensorFlow.js's wasm binaries (renderer/vite.config.ts, `tfjs/`). */
export const TFJS_WASM_BASE = './tfjs/';

export interface FaceAnalyzer {
  analyze(source: HTMLVideoElement | HTMLCanvasElement | HTMLImageElement): Promise<FrameAnalysis>;
  readonly backend: string;
}

interface Detector {
  faceapi: FaceApi;
  backend: string;
  options: InstanceType<FaceApi['TinyFaceDetectorOptions']>;
}

/** One detector per page and backend: the module, backend, weights and compiled shaders are kept. */
const detectors = new Map<string, Promise<Detector>>();

function loadDetector(modelBase: string, backend: FaceBackend): Promise<Detector> {
  const key = `${backend} ${modelBase}`;
  let loading = detectors.get(key);
  if (!loading) {
    loading = (async () => {
      const faceapi: FaceApi = await import('@vladmandic/face-api');
      // The bundled TensorFlow.js has these at run time; face-api's types declare only part of it.
      const tf = faceapi.tf as unknown as {
        setBackend(name: string): Promise<boolean>;
        ready(): Promise<void>;
        getBackend(): string;
        setWasmPaths(prefix: string): void;
      };
      // The binaries are the app's own files, resolved against the page (never a CDN).
      if (backend === 'wasm') tf.setWasmPaths(new URL(TFJS_WASM_BASE, document.baseURI).href);
      const chosen = await tf.setBackend(backend).catch(() => false);
      if (!chosen) await tf.setBackend('cpu');
      await tf.ready();
      await Promise.all([faceapi.nets.tinyFaceDetector.loadFromUri(modelBase), faceapi.nets.faceLandmark68TinyNet.loadFromUri(modelBase)]);
      const options = new faceapi.TinyFaceDetectorOptions({ inputSize: ANALYSIS.inputSize, scoreThreshold: ANALYSIS.scoreThreshold });
      return { faceapi, backend: tf.getBackend(), options };
    })();
    // A failed load (no WebGL context, weights missing) may be tried again by the next caller.
    loading.catch(() => detectors.delete(key));
    detectors.set(key, loading);
  }
  return loading;
}

/**
 * Loads the detector and runs both networks once on a blank frame, so that the photo step's first
 * analysis does not wait for the module, the weights or (WebGL) shader compilation: 2.5–3 s of a
 * resident's wait on this machine (issue 20). Called during earlier steps (warm-up.ts); harmless
 * to call again. Never throws: the photo step loads the detector itself if warming failed.
 */
export async function warmFaceDetector(modelBase = './models', backend: FaceBackend = PREFERRED_BACKEND): Promise<void> {
  try {
    const { faceapi, options } = await loadDetector(modelBase, backend);
    const blank = document.createElement('canvas');
    blank.width = ANALYSIS.width;
    blank.height = Math.round((ANALYSIS.width * 3) / 4);
    await faceapi.detectAllFaces(blank, options);
    await faceapi.nets.faceLandmark68TinyNet.detectLandmarks(blank);
  } catch {
    // Warming is an optimisation only.
  }
}

/**
 * The face analyser over the detector (face-api's tiny face detector and tiny 68-point landmarks,
 * weights served by the app from `models/`), for preview frames. WebGL when the page has it,
 * otherwise the CPU backend. Loaded on demand and kept for the page's life (loadDetector); each
 * analyser has its own frame canvases and landmark tracking (one resident's face is never reused).
 */
export async function createFaceAnalyzer(modelBase = './models', backend: FaceBackend = PREFERRED_BACKEND): Promise<FaceAnalyzer> {
  const { faceapi, options, backend: running } = await loadDetector(modelBase, backend);
  const frame = document.createElement('canvas');
  const stats = document.createElement('canvas');
  const frameCtx = frame.getContext('2d', { willReadFrequently: true });
  const statsCtx = stats.getContext('2d', { willReadFrequently: true });
  if (!frameCtx || !statsCtx) throw new Error('no 2D canvas');

  // Landmarks of the last analysed face, reused while it stays put (tracking, not re-detection).
  let cached: { box: Box; points: Point[]; age: number } | undefined;

  return {
    backend: running,
    async analyze(source) {
      const started = performance.now();
      const [sw, sh] = sourceSize(source);
      frame.width = ANALYSIS.width;
      frame.height = Math.round((ANALYSIS.width * sh) / Math.max(1, sw));
      frameCtx.drawImage(source, 0, 0, frame.width, frame.height);
      const detections = await faceapi.detectAllFaces(frame, options);
      const faces: Box[] = detections
        .sort((a, b) => b.score - a.score)
        .map((d) => ({ x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height }));
      const region = faces[0] ?? { x: 0, y: 0, width: frame.width, height: frame.height };
      stats.width = ANALYSIS.statsWidth;
      stats.height = Math.max(1, Math.round((ANALYSIS.statsWidth * region.height) / Math.max(1, region.width)));
      statsCtx.drawImage(frame, region.x, region.y, region.width, region.height, 0, 0, stats.width, stats.height);
      const { brightness, sharpness } = lumaStats(statsCtx.getImageData(0, 0, stats.width, stats.height).data, stats.width, stats.height);
      const observation: FrameObservation = { frameWidth: frame.width, frameHeight: frame.height, faces, brightness, sharpness };
      // Landmarks only for a lone face that passes every other check: eyes and head pose are the
      // last checks. They are reused for a few frames while the face does not move.
      const lone = faces.length === 1 ? faces[0] : undefined;
      if (lone && detections[0] && judgeFrame(observation).ready) {
        const still = cached && cached.age < ANALYSIS.landmarksEvery && shift(cached.box, lone) <= ANALYSIS.landmarksMaxShift;
        if (still && cached) {
          cached.age++;
          observation.landmarks = cached.points;
        } else {
          const [crop] = await faceapi.extractFaces(frame, [detections[0]]);
          const landmarks = crop ? await faceapi.nets.faceLandmark68TinyNet.detectLandmarks(crop) : undefined;
          const one = Array.isArray(landmarks) ? landmarks[0] : landmarks;
          if (one) {
            const points = one.relativePositions.map((p): Point => ({ x: lone.x + p.x * lone.width, y: lone.y + p.y * lone.height }));
            cached = { box: lone, points, age: 0 };
            observation.landmarks = points;
          }
        }
      } else {
        cached = undefined;
      }
      return { ...judgeFrame(observation), observation, ms: performance.now() - started };
    },
  };
}

function sourceSize(source: HTMLVideoElement | HTMLCanvasElement | HTMLImageElement): [number, number] {
  if (source instanceof HTMLVideoElement) return [source.videoWidth, source.videoHeight];
  if (source instanceof HTMLImageElement) return [source.naturalWidth, source.naturalHeight];
  return [source.width, source.height];
}

/** How far a face moved between two boxes, in widths of the first. */
function shift(a: Box, b: Box): number {
  return Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.width - b.width)) / Math.max(1, a.width);
}
