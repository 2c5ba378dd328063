import type { ComponentType } from 'react';
import type { FlowStep } from '../../state/kiosk-store.js';
import type { StepProps } from './step-props.js';
import { ReadCardStep } from '../counter/CheckCardScreen.js';
import { ChooseTicketScreen } from '../counter/ChooseTicketScreen.js';
import { PickupReceiptScreen } from '../counter/PickupReceiptScreen.js';
import { TicketScreen } from '../counter/TicketScreen.js';
import { ChipPinScreen } from '../chip-data/ChipPinScreen.js';
import { PrintResultScreen } from './PrintResultScreen.js';
import { ContactDetailsScreen } from '../contact/ContactDetailsScreen.js';
import { MarriageScreen } from '../marriage/MarriageScreen.js';
import { GuardianScreen } from '../guardian/GuardianScreen.js';
import { CertificateFormatScreen } from '../kinship/CertificateFormatScreen.js';
import { DataItemsScreen } from '../kinship/DataItemsScreen.js';
import { RelatedIdScreen } from '../kinship/RelatedIdScreen.js';
import { RelativesScreen } from '../kinship/RelativesScreen.js';
import { TenPrintScreen } from '../tenprint/TenPrintScreen.js';
import { CardScanScreen } from '../card-scan/CardScanScreen.js';

/**
 * The screen of each host step kind that has no screen of its own in the store's union. One line
 * per kind: a flow's screens live in their own folder under renderer/steps/ and register here.
 */
export type StepScreens = { [K in FlowStep['kind']]?: ComponentType<StepProps<K>> };

export const STEP_SCREENS: StepScreens = {
  'read-card': ReadCardStep,
  'choose-ticket': ChooseTicketScreen,
  'print-ticket': TicketScreen,
  'scan-pickup-receipt': PickupReceiptScreen,
  'enter-contact-details': ContactDetailsScreen,
  'confirm-marriage-data': MarriageScreen,
  'enter-pin': ChipPinScreen,
  'print-result': PrintResultScreen,
  'relatives-cards': RelativesScreen,
  'choose-certificate-format': CertificateFormatScreen,
  'enter-related-id': RelatedIdScreen,
  'choose-data-items': DataItemsScreen,
  'guardian-verification': GuardianScreen,
  'capture-fingerprints': TenPrintScreen,
  'scan-card': CardScanScreen,
};
