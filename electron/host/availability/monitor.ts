import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { Logger } from '../log.js';
import type { PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import type { ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';
import type { KioskAvailability } from '../../shared/kiosk-api/schemas/availability.js';
import { deriveAvailability, sameAvailability } from './derive.js';
import type { ServiceDevicesConfig } from './service-devices.js';

interface HealthSource {
  health(): DeviceHealthEntry[];
  onHealth(listener: (entry: DeviceHealthEntry) => void): () => void;
}

/**
 * Keeps what the kiosk can offer in step with the DeviceHub: every health change is logged for the
 * people who run the centre (device, state, detail) and re-derives availability, which is published
 * only when it changes. The host refuses what is unavailable with `service-unavailable`.
 */
export class ServiceAvailability {
  private current: KioskAvailability;
  private off: (() => void) | undefined;
  /** While the devices open at start, each one coming up changes availability: logged once, by `settled()`. */
  private starting = true;
  /** Taken out of service by an operator (the fleet's `take-out-of-service` command), whatever the devices say. */
  private operatorHold = false;

  constructor(
    private readonly config: ServiceDevicesConfig,
    private readonly hub: HealthSource,
    private readonly log: Pick<Logger, 'info' | 'warn' | 'error'>,
    private readonly publish: (availability: KioskAvailability) => void,
    private readonly counters: KioskAvailability['counters'] = [],
  ) {
    this.current = deriveAvailability(config, hub.health(), counters);
  }

  start(): void {
    this.off ??= this.hub.onHealth((entry) => {
      this.logHealth(entry);
      this.refresh();
    });
    this.refresh();
  }

  /** The devices have had their first open: says once what the kiosk can offer (and alerts if nothing). */
  settled(): void {
    this.starting = false;
    const unavailable = this.current.services.filter((entry) => !entry.available).map((entry) => entry.service);
    if (!this.current.inService) this.log.error('ALERT kiosk out of service at start: no service can be offered', { alert: 'out-of-service', unavailable });
    else this.log.info('availability at start', { unavailable });
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
  }

  now(): KioskAvailability {
    return this.current;
  }

  /** Refuses a service the devices cannot serve now; `detail` is the first device missing. */
  require(service: ServiceId): void {
    const entry = this.current.services.find((candidate) => candidate.service === service);
    if (entry && !entry.available) {
      throw new KioskApiError('service-unavailable', `${service} is unavailable: ${entry.missing.join(', ') || 'govpay'} not working`, entry.missing[0]);
    }
  }

  /** Refuses a payment method the kiosk cannot take now; `detail` is the reason (`terminal-offline`, `govpay-unavailable`). */
  requirePaymentMethod(method: PaymentMethod): void {
    const entry = this.current.payments?.find((candidate) => candidate.method === method);
    if (entry && !entry.available) throw new KioskApiError('payment-method-unavailable', `${method} cannot be used now: ${entry.reason ?? 'unavailable'}`, entry.reason ?? undefined);
  }

  /** Refuses a new visit while nothing can be offered (the out-of-service page). */
  requireInService(): void {
    if (!this.current.inService) throw new KioskApiError('service-unavailable', 'the kiosk is out of service: no service can be offered', 'out-of-service');
  }

  /** The fleet's take-out-of-service / put-back commands: the out-of-service page while held. */
  setOperatorHold(held: boolean): void {
    this.operatorHold = held;
    this.refresh();
  }

  isOperatorHold(): boolean {
    return this.operatorHold;
  }

  private refresh(): void {
    const derived = deriveAvailability(this.config, this.hub.health(), this.counters);
    const next = this.operatorHold ? { ...derived, inService: false } : derived;
    if (sameAvailability(next, this.current)) return;
    const wasInService = this.current.inService;
    if (this.starting) {
      this.current = next;
      this.publish(next);
      return;
    }
    this.current = next;
    const unavailable = next.services.filter((entry) => !entry.available).map((entry) => entry.service);
    if (wasInService && !next.inService) this.log.error('ALERT kiosk out of service: no service can be offered', { alert: 'out-of-service', unavailable });
    else if (!wasInService && next.inService) this.log.info('kiosk back in service', { unavailable });
    else this.log.info('availability changed', { unavailable });
    this.publish(next);
  }

  private logHealth(entry: DeviceHealthEntry): void {
    const fields = { device: entry.device, state: entry.state, detail: entry.detail ?? null, model: entry.model };
    if (entry.state === 'online') this.log.info('device online', fields);
    else this.log.warn(`device ${entry.state}${entry.detail ? `: ${entry.detail}` : ''}`, { alert: 'device-fault', ...fields });
  }
}
