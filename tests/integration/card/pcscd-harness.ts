// The tests' pcscd is the one the hardware loop starts (simulators/card-reader/virtual-card/pcscd.ts).
export { PcscdHarness, PCSCD_SOCKET, VIRTUAL_READER, VPCD_PORT } from '../../../simulators/card-reader/virtual-card/pcscd.js';
