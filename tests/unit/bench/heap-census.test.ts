import { describe, expect, it } from 'vitest';
import { censusOf } from '../../bench/support/heap-census.js';

/** The endurance bench's split of a renderer heap snapshot (tests/bench/support/heap-census.ts). */
describe('heap census', () => {
  it('adds self sizes by kind: code and Blink objects apart from the app’s objects', () => {
    const snapshot = {
      snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size'], node_types: [['hidden', 'object', 'code', 'native', 'synthetic', 'string'] as string[]] as [string[]] } },
      // type index, name, id, self_size
      nodes: [4, 0, 1, 0, 1, 0, 2, 100, 5, 0, 3, 40, 2, 0, 4, 500, 3, 0, 5, 70, 0, 0, 6, 8],
    };
    expect(censusOf(snapshot)).toEqual({ objectsBytes: 148, codeBytes: 500, nativeBytes: 70 });
  });
});
