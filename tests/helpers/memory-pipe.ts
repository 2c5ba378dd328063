// The in-memory FramePipe pair lives beside the bridge (the headless crash-test host uses it too).
export { createPipePair } from '../../electron/host/bridge/memory-pipe.js';
