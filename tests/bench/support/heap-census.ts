import type { CDPSession } from '@playwright/test';

/**
 * What a renderer's JS heap holds, by kind, from a V8 heap snapshot taken over CDP after a GC.
 * `Runtime.getHeapUsage` gives one number, which also counts the code V8 compiles as functions get
 * hot (it keeps tiering up for hundreds of visits) and Chromium's performance-entry buffers (capped
 * by the spec, 150 entries a type): the split tells the app's own objects apart from those.
 */
export interface HeapCensus {
  /** The app's JS objects, arrays, strings, closures: what a leak in our code would grow. */
  objectsBytes: number;
  /** Compiled code and its metadata (V8 node type `code`). */
  codeBytes: number;
  /** Blink's objects reachable from JS (DOM, performance entries; node type `native`). */
  nativeBytes: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

export async function heapCensus(cdp: CDPSession): Promise<HeapCensus> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => void chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return censusOf(JSON.parse(chunks.join('')) as Snapshot);
}

export function censusOf(snapshot: Snapshot): HeapCensus {
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const census: HeapCensus = { objectsBytes: 0, codeBytes: 0, nativeBytes: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeAt]!];
    const size = snapshot.nodes[i + sizeAt]!;
    if (type === 'code') census.codeBytes += size;
    else if (type === 'native') census.nativeBytes += size;
    // Synthetic nodes are the snapshot's own roots, of no size.
    else if (type !== 'synthetic') census.objectsBytes += size;
  }
  return census;
}
