import { useEffect } from 'react';
import { setUiLanguage } from '../i18n/i18n.js';
import { useKiosk } from '../state/kiosk-store.js';
import { noteActivity } from '../flows/visit.js';
import { AttractScreen } from '../steps/AttractScreen.js';
import { ConnectingScreen } from '../steps/ConnectingScreen.js';
import { GreetingScreen } from '../steps/GreetingScreen.js';
import { PlaceCardScreen } from '../steps/PlaceCardScreen.js';
import { ServiceMenu } from '../steps/ServiceMenu.js';
import { FingerprintScreen } from '../steps/fingerprint/FingerprintScreen.js';
import { PhotoScreen } from '../steps/photo/PhotoScreen.js';
import { EvaluatingScreen } from '../steps/renewal/EvaluatingScreen.js';
import { HeightScreen } from '../steps/renewal/HeightScreen.js';
import { PaymentScreen } from '../steps/renewal/PaymentScreen.js';
import { PickupScreen } from '../steps/renewal/PickupScreen.js';
import { ReceiptScreen } from '../steps/renewal/ReceiptScreen.js';
import { RefusalScreen } from '../steps/renewal/RefusalScreen.js';
import { ReviewScreen } from '../steps/renewal/ReviewScreen.js';
import { SignatureScreen } from '../steps/signature/SignatureScreen.js';
import { WithdrawalScreen } from '../steps/money/WithdrawalScreen.js';
import { IdleWarning } from '../ui/IdleWarning.js';
import { FlowErrorScreen } from '../steps/flow/FlowErrorScreen.js';
import { StepScreen } from '../steps/flow/StepScreen.js';
import { HelpBar } from '../accessibility/HelpBar.js';
import { TestModeMark } from '../ui/TestModeMark.js';
import { TakeCardScreen } from '../steps/TakeCardScreen.js';
import { OutOfServiceScreen } from '../steps/OutOfServiceScreen.js';
import { MaintenanceScreen } from '../maintenance/MaintenanceScreen.js';
import { HiddenGesture } from '../maintenance/HiddenGesture.js';

export function App() {
  const screen = useKiosk((state) => state.screen);
  const language = useKiosk((state) => state.language);
  const idleSecondsLeft = useKiosk((state) => state.idleSecondsLeft);
  const availability = useKiosk((state) => state.availability);
  const maintenance = useKiosk((state) => state.maintenance);
  // Nothing can be offered: the out-of-service page replaces the attract screen and the menu (never a visit under way).
  const outOfService = availability?.inService === false && (screen.name === 'attract' || screen.name === 'menu');

  useEffect(() => setUiLanguage(language), [language]);

  // A technician entering or in maintenance mode: the host serves no resident meanwhile.
  if (maintenance.phase === 'card' || maintenance.phase === 'pin' || maintenance.phase === 'open') {
    return (
      <div className="kiosk">
        <TestModeMark />
        <MaintenanceScreen view={maintenance} />
      </div>
    );
  }

  return (
    <div className="kiosk" onPointerDownCapture={noteActivity}>
      <TestModeMark />
      {(screen.name === 'attract' || outOfService) && <HiddenGesture />}
      {screen.name === 'connecting' && <ConnectingScreen problem={screen.problem} />}
      {outOfService && <OutOfServiceScreen counters={availability.counters} />}
      {!outOfService && screen.name === 'attract' && <AttractScreen />}
      {!outOfService && screen.name === 'menu' && <ServiceMenu services={screen.services} />}
      {screen.name === 'place-card' && <PlaceCardScreen phase={screen.phase} error={screen.error} />}
      {screen.name === 'greeting' && <GreetingScreen holder={screen.holder} service={screen.service} error={screen.error} />}
      {screen.name === 'evaluating' && <EvaluatingScreen />}
      {screen.name === 'refusal' && <RefusalScreen eligibility={screen.eligibility} holder={screen.holder} />}
      {screen.name === 'fingerprint' && <FingerprintScreen />}
      {screen.name === 'photo' && <PhotoScreen sources={screen.sources} />}
      {screen.name === 'height' && <HeightScreen />}
      {screen.name === 'signature' && <SignatureScreen />}
      {screen.name === 'review' && <ReviewScreen holder={screen.holder} heightMm={screen.heightMm} />}
      {screen.name === 'pickup' && <PickupScreen options={screen.options} />}
      {screen.name === 'payment' && (
        <PaymentScreen methods={screen.methods} counterAllowed={screen.counterAllowed} application={screen.application} phase={screen.phase} slip={screen.slip} />
      )}
      {screen.name === 'step' && <StepScreen step={screen.step} holder={screen.holder} request={screen.request} quote={screen.quote} />}
      {screen.name === 'flow-error' && <FlowErrorScreen error={screen.error} />}
      {screen.name === 'receipt' && <ReceiptScreen application={screen.application} pickup={screen.pickup} print={screen.print} />}
      {screen.name === 'take-card' && <TakeCardScreen prompt={screen.prompt} />}
      <HelpBar />
      {screen.name === 'withdrawal' && <WithdrawalScreen application={screen.application} phase={screen.phase} error={screen.error} />}
      {idleSecondsLeft !== undefined && <IdleWarning secondsLeft={idleSecondsLeft} />}
    </div>
  );
}
