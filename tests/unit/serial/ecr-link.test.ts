import { describe, expect, it } from 'vitest';
import { EcrLink } from '../../../devices/payment-terminal/drivers/ecr-link.js';

/** Two link ends joined by an in-memory wire whose faults the test sets. */
function pair(options: { damageToB?: number; dropToA?: number } = {}) {
  let damage = options.damageToB ?? 0;
  let drop = options.dropToA ?? 0;
  const atA: string[] = [];
  const atB: string[] = [];
  const wireToB: Uint8Array[] = [];
  const a: EcrLink = new EcrLink({
    ackTimeoutMs: 20,
    onMessage: (text) => atA.push(text),
    write: async (bytes) => {
      let out = bytes;
      if (bytes.length > 1 && damage > 0) {
        damage--;
        out = bytes.slice();
        out[out.length - 1] = (out[out.length - 1] ?? 0) ^ 1;
      }
      wireToB.push(out);
      queueMicrotask(() => b.receive(out));
    },
  });
  const b: EcrLink = new EcrLink({
    ackTimeoutMs: 20,
    onMessage: (text) => atB.push(text),
    write: async (bytes) => {
      if (drop > 0) {
        drop--;
        return;
      }
      queueMicrotask(() => a.receive(bytes));
    },
  });
  return { a, b, atA, atB, wireToB };
}

describe('ECR link layer', () => {
  it('delivers a message once and resolves when it is acknowledged', async () => {
    const { a, atB } = pair();
    await a.send('ST');
    expect(atB).toEqual(['ST']);
    expect(a.stats).toMatchObject({ sent: 1, retransmissions: 0 });
  });

  it('sends again after a NAK (damaged frame) and after a lost ACK, delivering once', async () => {
    const damaged = pair({ damageToB: 2 });
    await damaged.a.send('EQ\x1cR-1');
    expect(damaged.atB).toEqual(['EQ\x1cR-1']);
    expect(damaged.a.stats.retransmissions).toBe(2);
    expect(damaged.b.stats.naksSent).toBe(2);

    const lostAck = pair({ dropToA: 1 });
    await lostAck.a.send('VD\x1cR-2');
    expect(lostAck.atB).toEqual(['VD\x1cR-2']); // the copy is recognised by its sequence number
    expect(lostAck.b.stats.duplicates).toBe(1);
  });

  it('gives up after three retransmissions', async () => {
    const { a, wireToB } = pair({ damageToB: 10 });
    await expect(a.send('SA')).rejects.toMatchObject({ code: 'no-ack' });
    expect(wireToB.filter((bytes) => bytes.length > 1)).toHaveLength(4);
    expect(a.stats.retransmissions).toBe(3);
  });

  it('keeps order: one frame outstanding, the next after its ACK', async () => {
    const { a, atB } = pair({ damageToB: 1 });
    await Promise.all([a.send('AA'), a.send('BB'), a.send('CC')]);
    expect(atB).toEqual(['AA', 'BB', 'CC']);
  });

  it('reset fails what is queued', async () => {
    const { a } = pair({ damageToB: 10 });
    const sending = a.send('ST');
    a.reset();
    await expect(sending).rejects.toMatchObject({ code: 'reset' });
  });
});
