import { forwardRef, useImperativeHandle, useRef } from 'react';

type Point = { x: number; y: number };

export interface SignaturePadHandle {
  clear(): void;
  /** Total stroke length and the ink's bounding box, in canvas pixels. */
  ink(): { length: number; width: number; height: number };
  /** The signature as a PNG, base64 (no data: prefix); encoded off the tap (see toPngBase64). */
  toPngBase64(): Promise<string>;
}

const WIDTH = 900;
const HEIGHT = 360;

/** A touch signature pad: pointer strokes on a canvas, smoothed by the canvas's round joins. */
export const SignaturePad = forwardRef<SignaturePadHandle, { label: string; onChange: () => void }>(function SignaturePad({ label, onChange }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<Point[] | undefined>(undefined);

  const at = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * WIDTH) / rect.width, y: ((event.clientY - rect.top) * HEIGHT) / rect.height };
  };
  const context = () => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) {
      ctx.lineWidth = 4;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#10233a';
    }
    return ctx;
  };

  useImperativeHandle(ref, () => ({
    clear() {
      strokes.current = [];
      context()?.clearRect(0, 0, WIDTH, HEIGHT);
      onChange();
    },
    ink() {
      const points = strokes.current.flat();
      let length = 0;
      for (const stroke of strokes.current) for (let i = 1; i < stroke.length; i++) length += Math.hypot(stroke[i]!.x - stroke[i - 1]!.x, stroke[i]!.y - stroke[i - 1]!.y);
      if (points.length === 0) return { length: 0, width: 0, height: 0 };
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      return { length, width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    },
    async toPngBase64() {
      // Exported on white, so the image reads the same anywhere.
      const out = document.createElement('canvas');
      out.width = WIDTH;
      out.height = HEIGHT;
      const ctx = out.getContext('2d');
      if (!ctx || !canvas.current) return '';
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, WIDTH, HEIGHT);
      ctx.drawImage(canvas.current, 0, 0);
      // toBlob encodes the 900×360 PNG off the main thread (toDataURL did it inside the Confirm
      // tap: issue 20), and the base64 comes from a FileReader, also asynchronous.
      const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
      if (!blob) return '';
      const url = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error ?? new Error('the signature could not be read'));
        reader.readAsDataURL(blob);
      });
      return url.slice(url.indexOf(',') + 1);
    },
  }));

  return (
    <canvas
      ref={canvas}
      className="signature-pad"
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const point = at(event);
        drawing.current = [point];
        strokes.current.push(drawing.current);
        const ctx = context();
        ctx?.beginPath();
        ctx?.moveTo(point.x, point.y);
      }}
      onPointerMove={(event) => {
        if (!drawing.current) return;
        const point = at(event);
        drawing.current.push(point);
        const ctx = context();
        ctx?.lineTo(point.x, point.y);
        ctx?.stroke();
      }}
      onPointerUp={() => {
        drawing.current = undefined;
        onChange();
      }}
      onPointerCancel={() => {
        drawing.current = undefined;
      }}
    />
  );
});
