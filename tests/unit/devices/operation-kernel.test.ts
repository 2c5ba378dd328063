import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../../devices/errors.js';
import { OperationKernel } from '../../../devices/operations/kernel.js';
import { expectDeviceError } from '../../contracts/shared/helpers.js';

/** The one kernel every driver and simulator runs its operations through. */
describe('operation kernel', () => {
  const forever = (ctx: { signal: AbortSignal; sleep(ms: number): Promise<void> }) => ctx.sleep(60_000);

  it('busy for a second exclusive operation, naming the first; others run beside it', async () => {
    const kernel = new OperationKernel('height-gauge');
    const first = kernel.run('measure', undefined, forever, { exclusive: true });
    await expectDeviceError(kernel.run('measure', undefined, forever, { exclusive: true }), 'busy', 'measure');
    const beside = kernel.run('selfTest', undefined, async () => 'ok');
    await expect(beside).resolves.toBe('ok');
    kernel.failAll(new DeviceError('height-gauge', 'not-connected', 'closed', 'closed'));
    await expectDeviceError(first, 'not-connected', 'closed');
    expect(kernel.names()).toEqual([]);
  });

  it('the caller’s abort rejects cancelled at once, even mid-wait; `observe` leaves it to the body', async () => {
    const kernel = new OperationKernel('payment-terminal');
    const caller = new AbortController();
    const running = kernel.run('print', caller.signal, forever);
    caller.abort();
    await expectDeviceError(running, 'cancelled');
    const observed = kernel.run('sale', caller.signal, async () => 'cancelled-by-outcome', { callerAbort: 'observe' });
    await expect(observed).resolves.toBe('cancelled-by-outcome');
  });

  it('fails a tagged group together, and a deadline fails its operation', async () => {
    const kernel = new OperationKernel('card-reader');
    const read = kernel.run('read', undefined, forever, { tag: 'card' });
    const wait = kernel.run('wait', undefined, forever);
    kernel.failTagged('card', new DeviceError('card-reader', 'card-removed', 'left', 'card-left'));
    await expectDeviceError(read, 'card-removed', 'card-left');
    expect(kernel.names()).toEqual(['wait']);
    const timed = kernel.run('measure', undefined, (ctx) => {
      ctx.deadline(20, () => new DeviceError('card-reader', 'timeout', 'slow', 'not-stable'));
      return forever(ctx);
    });
    await expectDeviceError(timed, 'timeout', 'not-stable');
    kernel.failAll(new DeviceError('card-reader', 'not-connected', 'closed', 'closed'));
    await expectDeviceError(wait, 'not-connected');
  });

  it('a parent signal (a serial line’s session) ends its operations with its reason; until wakes on wake()', async () => {
    const kernel = new OperationKernel('receipt-printer');
    const session = new AbortController();
    let ready = false;
    const waiting = kernel.run('print', undefined, (ctx) => ctx.until(() => ready), { parent: session.signal });
    ready = true;
    kernel.wake();
    await expect(waiting).resolves.toBe(true);
    const stuck = kernel.run('print', undefined, forever, { parent: session.signal });
    session.abort(new DeviceError('receipt-printer', 'not-connected', 'gone', 'unplugged'));
    await expectDeviceError(stuck, 'not-connected', 'unplugged');
    await expectDeviceError(kernel.run('print', undefined, forever, { parent: session.signal }), 'not-connected', 'unplugged');
  });
});
