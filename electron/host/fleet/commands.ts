import { COMMAND_MAX_AGE_SECONDS, type CommandMessage, type CommandResultMessage } from '../../../fleet/contract.js';

export type CommandRefusal = 'invalid-command' | 'wrong-kiosk' | 'command-expired' | 'duplicate-command' | 'unknown-call';

export interface CommandTargets {
  acknowledgeStaffCall(callId: string, by: string): boolean;
  setOperatorHold(held: boolean): void;
  sendDiagnostics(commandId: string): void;
  /** The audit trail (maintenance/audit-trail.ts): every command, carried out or refused. */
  audit(entry: { action: string; detail: string }): void;
  publishResult(result: Omit<CommandResultMessage, 'v' | 'kioskId' | 'at' | 'seq'>): void;
}

/**
 * A command from the operations dashboard, as the kiosk takes it: the broker's ACL lets only the
 * operations user write this kiosk's command topic (authentication); here it is validated (the
 * contract), checked for this kiosk, freshness and repetition, carried out, audited and answered.
 */
export class FleetCommands {
  private readonly seen: string[] = [];

  constructor(
    private readonly kioskId: string,
    private readonly clock: () => Date,
    private readonly targets: CommandTargets,
  ) {}

  handle(message: CommandMessage | { invalid: true }): void {
    if ('invalid' in message) {
      this.targets.audit({ action: 'fleet-command-refused', detail: 'invalid-command' });
      this.targets.publishResult({ commandId: 'invalid', kind: 'invalid', by: 'unknown', ok: false, code: 'invalid-command' });
      return;
    }
    const refusal = this.check(message);
    const { commandId, by, command } = message;
    let code: CommandRefusal | null = refusal;
    if (!code) {
      this.seen.push(commandId);
      if (this.seen.length > 500) this.seen.shift();
      switch (command.kind) {
        case 'acknowledge-staff-call':
          if (!this.targets.acknowledgeStaffCall(command.callId, by)) code = 'unknown-call';
          break;
        case 'take-out-of-service':
          this.targets.setOperatorHold(true);
          break;
        case 'put-back-in-service':
          this.targets.setOperatorHold(false);
          break;
        case 'request-diagnostics':
          this.targets.sendDiagnostics(commandId);
          break;
      }
    }
    this.targets.audit({ action: code ? 'fleet-command-refused' : 'fleet-command', detail: `${command.kind} by ${by} (${commandId})${code ? `: ${code}` : ''}` });
    this.targets.publishResult({ commandId, kind: command.kind, by, ok: code === null, code });
  }

  private check(message: CommandMessage): CommandRefusal | null {
    if (message.kioskId !== this.kioskId) return 'wrong-kiosk';
    if (this.seen.includes(message.commandId)) return 'duplicate-command';
    const ageSeconds = (this.clock().getTime() - Date.parse(message.issuedAt)) / 1000;
    if (ageSeconds > COMMAND_MAX_AGE_SECONDS || ageSeconds < -60) return 'command-expired';
    return null;
  }
}
