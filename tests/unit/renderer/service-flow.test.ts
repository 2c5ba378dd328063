import { describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { KioskApiError } from '../../../electron/shared/kiosk-api/errors.js';
import { createBridgeServer } from '../../../electron/host/bridge/server.js';
import { silentLogger } from '../../../electron/host/log.js';
import { continueIdentified } from '../../../renderer/flows/service-flow.js';
import { useKiosk } from '../../../renderer/state/kiosk-store.js';
import { fakeHandlers } from '../../helpers/fake-handlers.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

const holder = {
  cardNumber: '1069042(5)',
  nameZh: '林美玲',
  nameLatin: 'LAM MEI LENG',
  sex: 'F' as const,
  dateOfBirth: '1979-06-21',
  permanent: true,
  firstIssue: '1997-08-04',
  currentIssue: '2016-08-04',
  expiry: '2026-08-04',
};

describe('renewal flow in the renderer', () => {
  it('keeps the resident on the greeting with the reason when the host cannot go on, and Continue asks again', async () => {
    let answers = 0;
    const handlers = fakeHandlers({ aborted: 0 });
    handlers['visit.complete'] = async () => {
      answers++;
      throw new KioskApiError('backoffice-unavailable', 'the back office did not answer');
    };
    const pipes = createPipePair();
    createBridgeServer({ handlers, log: silentLogger }).connect(pipes.server);
    useKiosk.setState({ api: createKioskApi(pipes.client) });

    await continueIdentified('renew-permanent', holder);
    expect(useKiosk.getState().screen).toEqual({ name: 'greeting', holder, service: 'renew-permanent', error: 'backoffice-unavailable' });

    await continueIdentified('renew-permanent', holder);
    expect(answers).toBe(2);
    expect(useKiosk.getState().screen).toMatchObject({ name: 'greeting', error: 'backoffice-unavailable' });
  });
});
