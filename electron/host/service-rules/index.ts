/**
 * Government service rules for the kiosk host: eligibility, availability, steps, fees and pickup
 * times for each kiosk service. Pure, except `loadRulesConfig`, which reads the config directory.
 *
 *   const rules = createServiceRules(loadRulesConfig('config'));
 *   rules.evaluate('kinship-certificate', facts, new Date());
 *
 * Each schema is exported under its own name with a same-named type (like `ServiceId`), so the
 * bridge can write `Facts.parse(x)` and `(f: Facts) => …`.
 */
import type { z } from 'zod';
import { FactsSchema } from '../../shared/kiosk-api/schemas/service-facts.js';
import {
  AvailabilitySchema,
  EligibilitySchema,
  EvaluationSchema,
  FeeQuoteSchema,
  PickupOptionSchema,
  StepSchema,
} from '../../shared/kiosk-api/schemas/service-results.js';

export { ServiceId, PickupPlace, CounterOffice } from '../../shared/kiosk-api/schemas/service-id.js';
export { ReasonCode, REASONS, REASON_CODES, effectOf, type ReasonEffect } from '../../shared/kiosk-api/schemas/reason-codes.js';

/** Facts about the visit; the type is the parsed form (defaults applied). */
export const Facts = FactsSchema;
export type Facts = z.infer<typeof FactsSchema>;
export const Eligibility = EligibilitySchema;
export type Eligibility = z.infer<typeof EligibilitySchema>;
export const Availability = AvailabilitySchema;
export type Availability = z.infer<typeof AvailabilitySchema>;
export const Step = StepSchema;
export type Step = z.infer<typeof StepSchema>;
export const FeeQuote = FeeQuoteSchema;
export type FeeQuote = z.infer<typeof FeeQuoteSchema>;
export const PickupOption = PickupOptionSchema;
export type PickupOption = z.infer<typeof PickupOptionSchema>;
export const Evaluation = EvaluationSchema;
export type Evaluation = z.infer<typeof EvaluationSchema>;

export {
  PersonSchema,
  CardSchema,
  ResidenceCertificateSchema,
  GuardianSchema,
  RequestSchema,
  CertificateOptions,
  KinRelation,
  PersonalDataField,
  PersonalDataItem,
  type FactsInput,
  type RequestOptions,
} from '../../shared/kiosk-api/schemas/service-facts.js';
export { Verdict, Finger, PaymentMethod, type StepKind } from '../../shared/kiosk-api/schemas/service-results.js';
export {
  RulesConfigSchema,
  FeesConfigSchema,
  PickupConfigSchema,
  KioskRulesConfigSchema,
  FeeCode,
  type RulesConfig,
} from './config-schema.js';
export { createServiceRules, type ServiceRules, type RequestOptionsInput } from './service-rules.js';
export { ServiceOverviewSchema, type ServiceOverview, BringItem } from './overview.js';
export { loadRulesConfig } from './config-loader.js';
export { ConfigError, type ConfigIssue } from '../calendar/config-file.js';
