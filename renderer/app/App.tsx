import { type ReactElement, useEffect } from 'react';
import { setUiLanguage } from '../i18n/i18n.js';
import { type Screen, useKiosk } from '../state/kiosk-store.js';
import { noteActivity } from '../flows/visit.js';
import { AttractScreen } from '../steps/AttractScreen.js';
import { ConnectingScreen } from '../steps/ConnectingScreen.js';
import { GreetingScreen } from '../steps/GreetingScreen.js';
import { PlaceCardScreen } from '../steps/PlaceCardScreen.js';
import { ServiceMenu } from '../steps/ServiceMenu.js';
import { ServiceOverviewScreen } from '../steps/ServiceOverviewScreen.js';
import { FingerprintScreen } from '../steps/fingerprint/FingerprintScreen.js';
import { PhotoScreen } from '../steps/photo/PhotoScreen.js';
import { EvaluatingScreen } from '../steps/common/EvaluatingScreen.js';
import { HeightScreen } from '../steps/common/HeightScreen.js';
import { PaymentScreen } from '../steps/common/PaymentScreen.js';
import { PickupScreen } from '../steps/common/PickupScreen.js';
import { ReceiptScreen } from '../steps/common/ReceiptScreen.js';
import { RefusalScreen } from '../steps/common/RefusalScreen.js';
import { ReviewScreen } from '../steps/common/ReviewScreen.js';
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
      {outOfService ? <OutOfServiceScreen counters={availability.counters} /> : <ScreenFor screen={screen} />}
      <HelpBar />
      {idleSecondsLeft !== undefined && <IdleWarning secondsLeft={idleSecondsLeft} />}
    </div>
  );
}

type ScreenOf<N extends Screen['name']> = Extract<Screen, { name: N }>;

/** One entry per screen name: a screen added to the store's union and left out here fails to compile. */
const SCREENS: { [N in Screen['name']]: (screen: ScreenOf<N>) => ReactElement } = {
  connecting: (s) => <ConnectingScreen problem={s.problem} />,
  attract: () => <AttractScreen />,
  menu: (s) => <ServiceMenu services={s.services} />,
  overview: (s) => <ServiceOverviewScreen service={s.service} overview={s.overview} />,
  'place-card': (s) => <PlaceCardScreen phase={s.phase} error={s.error} />,
  greeting: (s) => <GreetingScreen holder={s.holder} service={s.service} error={s.error} />,
  evaluating: () => <EvaluatingScreen />,
  refusal: (s) => <RefusalScreen eligibility={s.eligibility} holder={s.holder} />,
  fingerprint: () => <FingerprintScreen />,
  photo: (s) => <PhotoScreen sources={s.sources} />,
  height: () => <HeightScreen />,
  signature: () => <SignatureScreen />,
  review: (s) => <ReviewScreen service={s.service} holder={s.holder} heightMm={s.heightMm} request={s.request} quote={s.quote} pickup={s.pickup} />,
  pickup: (s) => <PickupScreen options={s.options} />,
  payment: (s) => <PaymentScreen methods={s.methods} counterAllowed={s.counterAllowed} application={s.application} phase={s.phase} slip={s.slip} />,
  step: (s) => <StepScreen step={s.step} holder={s.holder} request={s.request} quote={s.quote} />,
  'flow-error': (s) => <FlowErrorScreen error={s.error} />,
  receipt: (s) => <ReceiptScreen application={s.application} pickup={s.pickup} print={s.print} />,
  withdrawal: (s) => <WithdrawalScreen application={s.application} phase={s.phase} error={s.error} />,
  'take-card': (s) => <TakeCardScreen prompt={s.prompt} />,
};

function ScreenFor<N extends Screen['name']>({ screen }: { screen: ScreenOf<N> }): ReactElement {
  const render = SCREENS[screen.name] as (screen: ScreenOf<N>) => ReactElement;
  return render(screen);
}
