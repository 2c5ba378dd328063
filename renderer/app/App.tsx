import { useEffect } from 'react';
import { setUiLanguage } from '../i18n/i18n.js';
import { useKiosk } from '../state/kiosk-store.js';
import { noteActivity } from '../flows/visit.js';
import { AttractScreen } from '../steps/AttractScreen.js';
import { ConnectingScreen } from '../steps/ConnectingScreen.js';
import { GreetingScreen } from '../steps/GreetingScreen.js';
import { PlaceCardScreen } from '../steps/PlaceCardScreen.js';
import { ServiceMenu } from '../steps/ServiceMenu.js';
import { CaptureDoneScreen } from '../steps/signature/CaptureDoneScreen.js';
import { FingerprintScreen } from '../steps/fingerprint/FingerprintScreen.js';
import { PhotoScreen } from '../steps/photo/PhotoScreen.js';
import { SignatureScreen } from '../steps/signature/SignatureScreen.js';
import { IdleWarning } from '../ui/IdleWarning.js';

export function App() {
  const screen = useKiosk((state) => state.screen);
  const language = useKiosk((state) => state.language);
  const idleSecondsLeft = useKiosk((state) => state.idleSecondsLeft);

  useEffect(() => setUiLanguage(language), [language]);

  return (
    <div className="kiosk" onPointerDownCapture={noteActivity}>
      {screen.name === 'connecting' && <ConnectingScreen problem={screen.problem} />}
      {screen.name === 'attract' && <AttractScreen />}
      {screen.name === 'menu' && <ServiceMenu services={screen.services} />}
      {screen.name === 'place-card' && <PlaceCardScreen phase={screen.phase} error={screen.error} />}
      {screen.name === 'greeting' && <GreetingScreen holder={screen.holder} service={screen.service} />}
      {screen.name === 'fingerprint' && <FingerprintScreen holder={screen.holder} />}
      {screen.name === 'photo' && <PhotoScreen holder={screen.holder} />}
      {screen.name === 'signature' && <SignatureScreen holder={screen.holder} />}
      {screen.name === 'capture-done' && <CaptureDoneScreen />}
      {idleSecondsLeft !== undefined && <IdleWarning secondsLeft={idleSecondsLeft} />}
    </div>
  );
}
