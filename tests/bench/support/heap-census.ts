import type { CDPSession } from '@playwright/test';

/**
 * What a renderer's JS heap holds, by kind, from a V8 heap snapshot taken over CDP after a GC.
 * `Runtime.getHeapUsage` gives one number: V8's heap, the app's objects and also the code V8
 * compiles as functions get hot (it keeps tiering up for about 300 visits, then holds), including
 * the code of the scripts Playwright injects to drive the page. The snapshot also shows Blink's
 * objects (DOM, the performance-entry buffers, capped by the spec); they live in Blink's own heap,
 * outside that number. The split tells the app's own objects apart from the rest.
 */
export interface HeapCensus {
  /** The app's JS objects, arrays, strings, closures: what a leak in our code would grow. */
  objectsBytes: number;
  /** Compiled code and its metadata (V8 node type `code`). */
  codeBytes: number;
  /**
   * The part of `codeBytes` that belongs to functions of scripts without a URL: the scripts
   * Playwright injects to find and click elements (its selector and ARIA engine), which the bench
   * drives the page with. The page's own scripts all have one (assets/*.js).
   */
  injectedCodeBytes: number;
  /** Blink's objects reachable from JS (DOM, performance entries; node type `native`). */
  nativeBytes: number;
  /**
   * Blink's performance entries held by the page, by class (`PerformanceEventTiming`, `LayoutShift`…):
   * which buffer fills, counted from the snapshot so that no JS wrapper is made to count them.
   */
  performanceEntries: Record<string, number>;
}

export interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields?: string[]; edge_types?: [string[], ...unknown[]] } };
  nodes: number[];
  edges?: number[];
  strings?: string[];
}

/** Blink's classes of performance entries (the Performance Timeline's entry types). */
const PERFORMANCE_ENTRY =
  /^(Performance\w*(Timing|Mark|Measure|Entry|Paint|Frame)|LayoutShift|LargestContentfulPaint|TaskAttributionTiming|VisibilityStateEntry|SoftNavigationEntry|PerformanceScriptTiming)$/;

/** The raw snapshot, as JSON text (`ENDURANCE_SNAPSHOTS` keeps it for a by-name diff). */
export async function heapSnapshot(cdp: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => void chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return chunks.join('');
}

export async function heapCensus(cdp: CDPSession): Promise<HeapCensus> {
  return censusOf(JSON.parse(await heapSnapshot(cdp)) as Snapshot);
}

export function censusOf(snapshot: Snapshot): HeapCensus {
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const census: HeapCensus = { objectsBytes: 0, codeBytes: 0, injectedCodeBytes: 0, nativeBytes: 0, performanceEntries: {} };
  const scriptUrl = codeScripts(snapshot);
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeAt]!];
    const size = snapshot.nodes[i + sizeAt]!;
    if (type === 'code') {
      census.codeBytes += size;
      if (scriptUrl(i / fields.length) === '') census.injectedCodeBytes += size;
    } else if (type === 'native') {
      census.nativeBytes += size;
      const name = snapshot.strings?.[snapshot.nodes[i + nameAt]!];
      if (name !== undefined && PERFORMANCE_ENTRY.test(name)) census.performanceEntries[name] = (census.performanceEntries[name] ?? 0) + 1;
    }
    // Synthetic nodes are the snapshot's own roots, of no size.
    else if (type !== 'synthetic') census.objectsBytes += size;
  }
  return census;
}

/**
 * For a `code` node, the URL of the script whose function it belongs to ('' for a script without
 * one, undefined when no function owns it within a few steps). Compiled code hangs off its function:
 * InstructionStream ← Code ← the closure or its SharedFunctionInfo, which names its Script; metadata
 * (deoptimisation data, source positions) hangs off the Code or the BytecodeArray.
 */
function codeScripts(snapshot: Snapshot): (node: number) => string | undefined {
  const { nodes, edges, strings } = snapshot;
  const meta = snapshot.snapshot.meta;
  if (!edges || !strings || !meta.edge_fields || !meta.edge_types) return () => undefined;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const typeAt = meta.node_fields.indexOf('type');
  const nameAt = meta.node_fields.indexOf('name');
  const typeNames = meta.node_types[0];
  const edgeCountAt = meta.node_fields.indexOf('edge_count');
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const edgeNameAt = meta.edge_fields.indexOf('name_or_index');
  const toAt = meta.edge_fields.indexOf('to_node');
  const byIndex = new Set(['element', 'hidden'].map((type) => meta.edge_types![0].indexOf(type)));
  const count = nodes.length / nodeWidth;
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node++) {
    firstEdge[node] = edge;
    edge += nodes[node * nodeWidth + edgeCountAt]! * edgeWidth;
    firstEdge[node + 1] = edge;
  }
  const retainers: number[][] = Array.from({ length: count }, () => []);
  for (let node = 0; node < count; node++) {
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += edgeWidth) retainers[edges[edge + toAt]! / nodeWidth]!.push(node);
  }
  const nameOf = (node: number): string => strings[nodes[node * nodeWidth + nameAt]!] ?? '';
  const typeOf = (node: number): string | undefined => typeNames[nodes[node * nodeWidth + typeAt]!];
  const child = (node: number, name: string): number | undefined => {
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += edgeWidth) {
      if (!byIndex.has(edges[edge + edgeTypeAt]!) && strings[edges[edge + edgeNameAt]!] === name) return edges[edge + toAt]! / nodeWidth;
    }
    return undefined;
  };
  const urlOfFunction = (shared: number): string | undefined => {
    const script = child(shared, 'script');
    if (script === undefined) return undefined;
    const name = child(script, 'name');
    return name !== undefined && typeOf(name) === 'string' ? nameOf(name) : '';
  };
  return (start) => {
    // Breadth first over retainers, a few steps: the nearest function owns the code.
    let frontier = [start];
    const seen = new Set(frontier);
    for (let step = 0; step < 4 && frontier.length > 0; step++) {
      const next: number[] = [];
      for (const node of frontier) {
        const shared = nameOf(node).startsWith('system / SharedFunctionInfo') ? node : typeOf(node) === 'closure' ? child(node, 'shared') : undefined;
        if (shared !== undefined) return urlOfFunction(shared);
        for (const retainer of retainers[node]!) {
          if (seen.has(retainer)) continue;
          seen.add(retainer);
          next.push(retainer);
        }
      }
      frontier = next;
    }
    return undefined;
  };
}
