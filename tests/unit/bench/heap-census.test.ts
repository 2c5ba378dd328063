import { describe, expect, it } from 'vitest';
import { censusOf, type Snapshot } from '../../bench/support/heap-census.js';

/** The endurance bench's split of a renderer heap snapshot (tests/bench/support/heap-census.ts). */
describe('heap census', () => {
  it('adds self sizes by kind: code and Blink objects apart from the app’s objects', () => {
    const snapshot = {
      snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size'], node_types: [['hidden', 'object', 'code', 'native', 'synthetic', 'string'] as string[]] as [string[]] } },
      // type index, name, id, self_size
      nodes: [4, 0, 1, 0, 1, 0, 2, 100, 5, 0, 3, 40, 2, 0, 4, 500, 3, 0, 5, 70, 0, 0, 6, 8],
    };
    expect(censusOf(snapshot)).toEqual({ objectsBytes: 148, codeBytes: 500, injectedCodeBytes: 0, nativeBytes: 70, performanceEntries: {} });
  });

  it('tells the code of scripts without a URL (Playwright’s injected ones) apart, and counts performance entries', () => {
    const strings = [
      '',
      'system / Code',
      'system / SharedFunctionInfo',
      'system / InstructionStream',
      'system / Script',
      'http://127.0.0.1/assets/index.js',
      'code',
      'shared',
      'instruction_stream',
      'script',
      'name',
      'app',
      'injected',
      'LayoutShift',
      'HTMLDivElement',
      'Object',
    ];
    const types = ['hidden', 'object', 'code', 'native', 'synthetic', 'string', 'closure'];
    const [CODE, NATIVE, SYNTHETIC, STRING, CLOSURE, OBJECT] = [2, 3, 4, 5, 6, 1];
    const ELEMENT = 1;
    const INTERNAL = 3;
    // Nodes: [type, name, id, self_size, edge_count]; edges: [type, name_or_index, to (node index × 5)].
    const nodes: Array<[number, number, number, number, [number, number, number][]]> = [
      [SYNTHETIC, 0, 1, 0, [[ELEMENT, 1, 1], [ELEMENT, 2, 7], [ELEMENT, 3, 12], [ELEMENT, 4, 13], [ELEMENT, 5, 14]]],
      // The app's function: a closure, its Code and InstructionStream, its SharedFunctionInfo and Script.
      [CLOSURE, 11, 2, 32, [[INTERNAL, 6, 2], [INTERNAL, 7, 3]]],
      [CODE, 1, 3, 40, [[INTERNAL, 8, 4]]],
      [CODE, 2, 4, 32, [[INTERNAL, 9, 5]]],
      [CODE, 3, 5, 500, []],
      [CODE, 4, 6, 24, [[INTERNAL, 10, 6]]],
      [STRING, 5, 7, 40, []],
      // Playwright's: the same, from a script without a name.
      [CLOSURE, 12, 8, 32, [[INTERNAL, 6, 8], [INTERNAL, 7, 9]]],
      [CODE, 1, 9, 40, [[INTERNAL, 8, 10]]],
      [CODE, 2, 10, 32, [[INTERNAL, 9, 11]]],
      [CODE, 3, 11, 300, []],
      [CODE, 4, 12, 24, []],
      [NATIVE, 13, 13, 70, []],
      [NATIVE, 14, 14, 100, []],
      [OBJECT, 15, 15, 16, []],
    ];
    const snapshot: Snapshot = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
          node_types: [types],
          edge_fields: ['type', 'name_or_index', 'to_node'],
          edge_types: [['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']],
        },
      },
      nodes: nodes.flatMap(([type, name, id, size, edges]) => [type, name, id, size, edges.length]),
      edges: nodes.flatMap(([, , , , edges]) => edges.flatMap(([type, name, to]) => [type, name, to * 5])),
      strings,
    };
    expect(censusOf(snapshot)).toEqual({
      objectsBytes: 32 + 40 + 32 + 16,
      codeBytes: 40 + 32 + 500 + 24 + 40 + 32 + 300 + 24,
      injectedCodeBytes: 40 + 32 + 300 + 24,
      nativeBytes: 170,
      performanceEntries: { LayoutShift: 1 },
    });
  });
});
