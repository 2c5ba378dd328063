import { type ReactElement, useEffect } from 'react';
import { lazyScreen, preloadWhenIdle } from './lazy-screen.js';
import { setUiLanguage } from '../i18n/i18n.js';
import { type Screen, useKiosk } from '../state/kiosk-store.js';
import { noteActivity } from '../flows/visit.js';
import { AttractScreen } from '../steps/AttractScreen.js';
import { ConnectingScreen } from '../steps/ConnectingScreen.js';
import { ServiceMenu } from '../steps/ServiceMenu.js';
import { EvaluatingScreen } from '../steps/common/EvaluatingScreen.js';
import { IdleWarning } from '../ui/IdleWarning.js';
import { FlowErrorScreen } from '../steps/flow/FlowErrorScreen.js';
import { HelpBar } from '../accessibility/HelpBar.js';
import { TestModeMark } from '../ui/TestModeMark.js';
import { OutOfServiceScreen } from '../steps/OutOfServiceScreen.js';
import { HiddenGesture } from '../maintenance/HiddenGesture.js';

/** Screens outside the entry chunk (lazy-screen.tsx): a visit's steps and maintenance load on idle once connected. */
const FingerprintScreen = lazyScreen(() => import('../steps/fingerprint/FingerprintScreen.js').then((m) => m.FingerprintScreen));
const PhotoScreen = lazyScreen(() => import('../steps/photo/PhotoScreen.js').then((m) => m.PhotoScreen));
const HeightScreen = lazyScreen(() => import('../steps/common/HeightScreen.js').then((m) => m.HeightScreen));
const PaymentScreen = lazyScreen(() => import('../steps/common/PaymentScreen.js').then((m) => m.PaymentScreen));
const PickupScreen = lazyScreen(() => import('../steps/common/PickupScreen.js').then((m) => m.PickupScreen));
const ReceiptScreen = lazyScreen(() => import('../steps/common/ReceiptScreen.js').then((m) => m.ReceiptScreen));
const RefusalScreen = lazyScreen(() => import('../steps/common/RefusalScreen.js').then((m) => m.RefusalScreen));
const ReviewScreen = lazyScreen(() => import('../steps/common/ReviewScreen.js').then((m) => m.ReviewScreen));
const SignatureScreen = lazyScreen(() => import('../steps/signature/SignatureScreen.js').then((m) => m.SignatureScreen));
const WithdrawalScreen = lazyScreen(() => import('../steps/money/WithdrawalScreen.js').then((m) => m.WithdrawalScreen));
const StepScreen = lazyScreen(() => import('../steps/flow/StepScreen.js').then((m) => m.StepScreen));
const MaintenanceScreen = lazyScreen(() => import('../maintenance/MaintenanceScreen.js').then((m) => m.MaintenanceScreen));
const GreetingScreen = lazyScreen(() => import('../steps/GreetingScreen.js').then((m) => m.GreetingScreen));
const PlaceCardScreen = lazyScreen(() => import('../steps/PlaceCardScreen.js').then((m) => m.PlaceCardScreen));
const TakeCardScreen = lazyScreen(() => import('../steps/TakeCardScreen.js').then((m) => m.TakeCardScreen));
const ServiceOverviewScreen = lazyScreen(() => import('../steps/ServiceOverviewScreen.js').then((m) => m.ServiceOverviewScreen));
const LAZY_SCREENS = [ServiceOverviewScreen, TakeCardScreen, PlaceCardScreen, GreetingScreen, FingerprintScreen, PhotoScreen, HeightScreen, PaymentScreen, PickupScreen, ReceiptScreen, RefusalScreen, ReviewScreen, SignatureScreen, WithdrawalScreen, StepScreen, MaintenanceScreen];

export function App() {
  const screen = useKiosk((state) => state.screen);
  const language = useKiosk((state) => state.language);
  const idleSecondsLeft = useKiosk((state) => state.idleSecondsLeft);
  const availability = useKiosk((state) => state.availability);
  const maintenance = useKiosk((state) => state.maintenance);
  // Nothing can be offered: the out-of-service page replaces the attract screen and the menu (never a visit under way).
  const outOfService = availability?.inService === false && (screen.name === 'attract' || screen.name === 'menu');

  useEffect(() => setUiLanguage(language), [language]);
  // Once the host has answered: the page now loads while the host starts (issue 20, cold start), and
  // the screens' files would compete with that start for the CPU; no tap can need one before.
  const connected = useKiosk((state) => state.api !== undefined);
  useEffect(() => {
    if (connected) preloadWhenIdle(LAZY_SCREENS);
  }, [connected]);

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
