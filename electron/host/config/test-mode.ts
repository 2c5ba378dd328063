import type { HostConfig } from './schema.js';

/**
 * Test mode decides what a tester may reach: the simulators' control API, the back-office
 * simulator, a plain-http back office, tokens printed on stdout, the TEST MODE mark on screen.
 * It is on when the configuration says `testMode: true`, or, when it says nothing, when every
 * device is simulated: a kiosk with real hardware is never in test mode by accident.
 */
type Mode = Pick<HostConfig, 'testMode' | 'devices'> & Partial<Pick<HostConfig, 'loop'>>;

/** A device whose inputs come from a tester: a simulator, or the PC/SC driver on virtual cards. */
export function isSimulatedDevice(choice: HostConfig['devices'][keyof HostConfig['devices']]): boolean {
  return choice.driver === 'simulator' || (choice.driver === 'pcsc' && choice.virtualCards !== undefined);
}

/** Every device's inputs come from a tester: simulators, or the hardware loop (real drivers, simulators at the far ends). */
export function allDevicesSimulated(config: Pick<HostConfig, 'devices'> & Partial<Pick<HostConfig, 'loop'>>): boolean {
  return config.loop !== undefined || Object.values(config.devices).every(isSimulatedDevice);
}

export function isTestMode(config: Mode): boolean {
  return config.testMode ?? allDevicesSimulated(config);
}

/** The tester control API (`/control`): test mode, unless switched off. */
export function controlApiEnabled(config: Mode & Pick<HostConfig, 'simulators'>): boolean {
  return isTestMode(config) && config.simulators.controlApi !== false;
}

/** The in-process back-office simulator: test mode, unless switched off. */
export function backofficeSimulatorEnabled(config: Mode & Pick<HostConfig, 'backoffice'>): boolean {
  return isTestMode(config) && config.backoffice.simulator !== false;
}

/**
 * What test mode must hold for a configuration to be used, as `[field, message]` pairs: whatever
 * only test mode may switch on, asked for outside it, is refused at start rather than ignored.
 */
export function testModeViolations(config: HostConfig): Array<[string, string]> {
  if (isTestMode(config)) return [];
  const found: Array<[string, string]> = [];
  const why = 'outside test mode (a real device is configured and testMode is not true)';
  if (config.simulators.controlApi === true) found.push(['simulators.controlApi', `the tester control API is refused ${why}`]);
  if (config.backoffice.simulator === true) found.push(['backoffice.simulator', `the back-office simulator is refused ${why}`]);
  if (config.backoffice.simulator !== true) {
    if (new URL(config.backoffice.url).protocol !== 'https:') found.push(['backoffice.url', `must be https ${why}`]);
    else if (!config.backoffice.tls) found.push(['backoffice.tls', `the kiosk's client certificate (caFile, certFile, keyFile) is required ${why}`]);
  }
  // Fleet telemetry (docs/fleet.md): TLS and a per-kiosk credential from a file in service.
  if (config.fleet) {
    if (!config.fleet.url.startsWith('mqtts://') || !config.fleet.tls) found.push(['fleet.url', `must be mqtts:// with fleet.tls ${why}`]);
    if (config.fleet.password !== undefined) found.push(['fleet.password', `an inline broker password is refused ${why}: use fleet.passwordFile`]);
  }
  return found;
}
