/** Shared test fixtures: the shipped configuration and fact builders. Not a test file. */
import { fileURLToPath } from 'node:url';
import { createServiceRules, loadRulesConfig, type FactsInput, type RulesConfig } from '../../../electron/host/service-rules/index.js';

export const CONFIG_DIR = fileURLToPath(new URL('../../../config', import.meta.url));

export function shippedConfig(): RulesConfig {
  return loadRulesConfig(CONFIG_DIR);
}

export const rules = createServiceRules(shippedConfig());

/** An instant at Macau wall-clock time, written with its explicit +08:00 offset. */
export function at(date: string, time = '12:00:00'): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

type PersonInput = NonNullable<FactsInput['person']>;
type CardInput = NonNullable<FactsInput['card']>;

export function person(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    dateOfBirth: '1980-06-15',
    interdiction: 'none',
    maritalStatus: 'single',
    relationsOnFile: { parents: true, children: true, spouse: true },
    ...overrides,
  };
}

export function card(overrides: Partial<CardInput> = {}): CardInput {
  return {
    number: '1234567(8)',
    residency: 'permanent',
    chip: 'contactless',
    firstIssueDate: '1998-01-10',
    currentIssueDate: '2016-09-01',
    expiry: { kind: 'date', date: '2026-09-01' },
    ...overrides,
  };
}

export function facts(overrides: Partial<FactsInput> = {}): FactsInput {
  return { person: person(), card: card(), ...overrides };
}
