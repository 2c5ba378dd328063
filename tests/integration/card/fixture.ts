import type { CardReader } from '../../../devices/card-reader/contract.js';
import { PcscCardReader, type PcscCardReaderOptions } from '../../../devices/card-reader/drivers/pcsc/pcsc-card-reader.js';
import type { ProfileId } from '../../../simulators/card-reader/profiles.js';
import { testPki } from '../../../simulators/card-reader/virtual-card/test-pki.js';
import { VirtualCardTerminal } from '../../../simulators/card-reader/virtual-card/virtual-card-terminal.js';
import type { CardReaderFixture } from '../../contracts/card-reader.contract.js';
import { type PcscdHarness, VIRTUAL_READER, VPCD_PORT } from './pcscd-harness.js';

/** Waits until `predicate` holds (pcscd polls card presence every 400 ms). */
export async function until(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function makePcscReader(options: Partial<PcscCardReaderOptions> = {}): PcscCardReader {
  return new PcscCardReader({
    reader: VIRTUAL_READER,
    trustAnchorsPem: [testPki().issuerCaPem],
    retryInitialMs: 100,
    retryMaxMs: 400,
    ...options,
  });
}

/** pcscd polls a vpcd reader's card presence this often (plus a margin). */
const PCSCD_POLL_MS = 500;

const isOpen = (device: CardReader): boolean => device.status().state !== 'offline';

/**
 * The device as the suite sees it, with a no-op handler attached to every promise it returns. Over
 * a real transport the far end acts asynchronously (pcscd notices a lifted card or a dead reader
 * within its poll period), so an operation may reject while the suite is still awaiting the far
 * end, before it awaits that operation; the suite still asserts every rejection itself.
 */
function observed<D extends object>(device: D): D {
  return new Proxy(device, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}

/**
 * The real driver, the real pcscd and a virtual card over vpcd: the contract suite's far end.
 * Placing waits until the driver sees the card (when open); "unplugging" kills pcscd, which is what
 * losing the reader looks like through PC/SC, and "reconnecting" starts it again.
 */
export function pcscFixture(harness: PcscdHarness): () => Promise<CardReaderFixture> {
  return async () => {
    const terminal = new VirtualCardTerminal({ port: VPCD_PORT });
    const device = makePcscReader();
    let openWhenUnplugged = false;
    const lift = async (): Promise<void> => {
      await terminal.remove();
      if (isOpen(device)) await until(() => !device.isCardPresent(), 5_000, 'card removal seen');
    };
    const place = async (profile: ProfileId): Promise<void> => {
      if (terminal.cardPlaced || device.isCardPresent()) await lift();
      await terminal.place(profile);
      if (isOpen(device)) await until(() => device.isCardPresent(), 5_000, 'card arrival seen');
    };
    return {
      device: observed(device),
      driver: {
        placeCard: place,
        removeCard: lift,
        removeDuringNextRead: () => terminal.control.setRemoveDuringNextRead(true),
        setLatencyMs: async (ms) => {
          terminal.control.setLatencyMs(ms);
          // Operations only take time when they talk to a card: put one there to talk to.
          if (ms > 0 && !terminal.cardPlaced) await place('not-an-id-card');
        },
        disconnect: async () => {
          openWhenUnplugged = isOpen(device);
          await harness.kill();
          if (openWhenUnplugged) await until(() => device.status().state === 'offline', 5_000, 'reader loss seen');
        },
        reconnect: async () => {
          await harness.restart();
          // An open driver re-establishes its context by itself; the suite goes on once it has.
          if (openWhenUnplugged) await until(() => device.status().state === 'online', 5_000, 'reader back');
        },
      },
      dispose: async () => {
        const hadCard = terminal.cardPlaced || device.isCardPresent();
        await terminal.close();
        // The next test starts with an empty reader: let pcscd notice the card has gone.
        if (hadCard && isOpen(device)) await until(() => !device.isCardPresent(), 5_000, 'empty reader');
        else if (hadCard) await new Promise((resolve) => setTimeout(resolve, PCSCD_POLL_MS));
        await device.close();
        await harness.ensureRunning();
      },
    };
  };
}
