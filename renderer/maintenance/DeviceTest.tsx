import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from '../state/kiosk-store.js';
import { openCamera } from '../steps/photo/camera.js';
import { Button } from '../ui/Button.js';
import { formatMop } from '../ui/format.js';
import { type MaintenanceDevices, printTestSlip, TEST_SIGNAL, tool, type ToolAnswer } from './maintenance-flow.js';
import { TestScanAction } from './TestScan.js';
import { ToolRefusal } from './ToolAnswerNote.js';

type DeviceKind = MaintenanceDevices[number]['device'];

/** One device's test action, below the device table. `onDone` refreshes the table's states. */
export function DeviceTest({ device, onDone }: { device: DeviceKind; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="maintenance-test-panel" aria-labelledby="device-test-title" data-test-device={device}>
      <h3 id="device-test-title">
        {t('maintenance.test')}: {t(`maintenance.device.${device}`)}
      </h3>
      {device === 'card-reader' && <CardTest onDone={onDone} />}
      {device === 'fingerprint-scanner' && <FingerTest onDone={onDone} />}
      {device === 'height-gauge' && <GaugeCalibration onDone={onDone} />}
      {device === 'payment-terminal' && <TerminalDay onDone={onDone} />}
      {device === 'receipt-printer' && <TestSlip onDone={onDone} />}
      {device === 'camera' && <CameraPreview />}
      {device === 'document-scanner' && <TestScanAction disabled={false} onDone={onDone} />}
    </section>
  );
}

/** Runs one tool call at a time and keeps its answer. */
function useToolRun<T>(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ToolAnswer<T> | undefined>();
  const run = async (call: () => Promise<ToolAnswer<T>>) => {
    setBusy(true);
    setAnswer(await call());
    setBusy(false);
    onDone();
  };
  return { busy, answer, run };
}

function CardTest({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, answer, run } = useToolRun<ResultOf<'maintenance.testCard'>>(onDone);
  return (
    <>
      <p className="lead">{t('maintenance.cardTest.prompt')}</p>
      <Button disabled={busy} onClick={() => void run(() => tool((tools) => tools.testCard({}, TEST_SIGNAL())))}>
        {t('maintenance.cardTest.read')}
      </Button>
      <ToolRefusal answer={answer} />
      {answer?.ok && (
        <dl className="maintenance-facts" data-testid="card-test-result">
          <dt>{t('maintenance.cardTest.type')}</dt>
          <dd>{t(answer.value.permanent ? 'maintenance.cardTest.permanent' : 'maintenance.cardTest.nonPermanent')}</dd>
          <dt>{t('maintenance.cardTest.number')}</dt>
          <dd>{answer.value.cardNumberMasked}</dd>
          <dt>{t('maintenance.cardTest.passive')}</dt>
          <dd data-check={answer.value.passive}>{t(`maintenance.cardTest.${answer.value.passive}`)}</dd>
          <dt>{t('maintenance.cardTest.active')}</dt>
          <dd data-check={answer.value.active}>{t(`maintenance.cardTest.${answer.value.active}`)}</dd>
          <dt>{t('maintenance.cardTest.readTime')}</dt>
          <dd>{answer.value.readMs} ms</dd>
        </dl>
      )}
    </>
  );
}

function FingerTest({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, answer, run } = useToolRun<ResultOf<'maintenance.testFinger'>>(onDone);
  return (
    <>
      <p className="lead">{t('maintenance.fingerTest.prompt')}</p>
      <Button disabled={busy} onClick={() => void run(() => tool((tools) => tools.testFinger({}, TEST_SIGNAL())))}>
        {t('maintenance.fingerTest.capture')}
      </Button>
      <ToolRefusal answer={answer} />
      {answer?.ok && (
        <div className="maintenance-finger" data-testid="finger-test-result">
          <img src={`data:image/png;base64,${answer.value.pngBase64}`} alt={t('maintenance.fingerTest.image')} width={answer.value.width / 2} height={answer.value.height / 2} />
          <p className="lead">{t('maintenance.fingerTest.quality', { quality: answer.value.quality })}</p>
        </div>
      )}
    </>
  );
}

const ROD_DEFAULT_MM = 1500;

function GaugeCalibration({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [rodMm, setRodMm] = useState(ROD_DEFAULT_MM);
  const measure = useToolRun<ResultOf<'maintenance.measureGauge'>>(onDone);
  const save = useToolRun<ResultOf<'maintenance.calibrateGauge'>>(onDone);
  const proposed = measure.answer?.ok ? measure.answer.value.proposedOffsetMm : undefined;
  const inRange = proposed !== undefined && Math.abs(proposed) <= 200;
  return (
    <>
      <p className="lead">{t('maintenance.gauge.prompt')}</p>
      <div className="maintenance-row" role="group" aria-label={t('maintenance.gauge.rod')}>
        <span className="lead">{t('maintenance.gauge.rod')}</span>
        {[-10, -1].map((step) => (
          <Button key={step} variant="secondary" onClick={() => setRodMm((mm) => Math.max(500, mm + step))} aria-label={`${step} mm`}>
            {step}
          </Button>
        ))}
        <output className="maintenance-rod" data-testid="rod-mm">{rodMm} mm</output>
        {[1, 10].map((step) => (
          <Button key={step} variant="secondary" onClick={() => setRodMm((mm) => Math.min(2300, mm + step))} aria-label={`+${step} mm`}>
            +{step}
          </Button>
        ))}
      </div>
      <Button disabled={measure.busy} onClick={() => void measure.run(() => tool((tools) => tools.measureGauge({ referenceMm: rodMm }, TEST_SIGNAL())))}>
        {t('maintenance.gauge.measure')}
      </Button>
      <ToolRefusal answer={measure.answer} />
      {measure.answer?.ok && (
        <dl className="maintenance-facts" data-testid="gauge-result">
          <dt>{t('maintenance.gauge.measured')}</dt>
          <dd>{measure.answer.value.measuredMm} mm</dd>
          <dt>{t('maintenance.gauge.offset')}</dt>
          <dd>{measure.answer.value.offsetMm} mm</dd>
          <dt>{t('maintenance.gauge.proposed')}</dt>
          <dd>{measure.answer.value.proposedOffsetMm} mm</dd>
        </dl>
      )}
      {proposed !== undefined && !inRange && <p className="error-text">{t('maintenance.gauge.outOfRange')}</p>}
      {inRange && (
        <Button disabled={save.busy} onClick={() => void save.run(() => tool((tools) => tools.calibrateGauge({ offsetMm: proposed })))}>
          {t('maintenance.gauge.save', { offset: proposed })}
        </Button>
      )}
      <ToolRefusal answer={save.answer} />
      {save.answer?.ok && (
        <p className="success" role="status" data-testid="gauge-saved">
          {t('maintenance.gauge.saved', { offset: save.answer.value.offsetMm })}
        </p>
      )}
    </>
  );
}

function TerminalDay({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const { busy, answer, run } = useToolRun<ResultOf<'maintenance.terminalDay'>>(onDone);
  return (
    <>
      <p className="lead">{t('maintenance.terminal.prompt')}</p>
      <Button disabled={busy} onClick={() => void run(() => tool((tools) => tools.terminalDay({})))}>
        {t('maintenance.terminal.query')}
      </Button>
      <ToolRefusal answer={answer} />
      {answer?.ok && (
        <dl className="maintenance-facts" data-testid="terminal-day">
          <dt>{t('maintenance.state')}</dt>
          <dd>
            {t(`maintenance.states.${answer.value.state}`)}
            {answer.value.detail ? ` (${answer.value.detail})` : ''}
          </dd>
          <dt>{t('maintenance.terminal.day')}</dt>
          <dd>{answer.value.day}</dd>
          <dt>{t('maintenance.terminal.approved')}</dt>
          <dd>
            {answer.value.approved.count} · {formatMop(answer.value.approved.totalAvos, language)}
          </dd>
          <dt>{t('maintenance.terminal.declined')}</dt>
          <dd>{answer.value.declined}</dd>
          <dt>{t('maintenance.terminal.reversed')}</dt>
          <dd>
            {answer.value.reversed.count} · {formatMop(answer.value.reversed.totalAvos, language)}
          </dd>
          <dt>{t('maintenance.terminal.unknown')}</dt>
          <dd>{answer.value.unknown}</dd>
        </dl>
      )}
    </>
  );
}

function TestSlip({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [slip, setSlip] = useState<{ state: 'printed' } | { state: 'failed'; error: string } | undefined>();
  const print = async () => {
    setBusy(true);
    const error = await printTestSlip();
    setSlip(error ? { state: 'failed', error } : { state: 'printed' });
    setBusy(false);
    onDone();
  };
  return (
    <>
      <Button disabled={busy} onClick={() => void print()}>
        {t('maintenance.testSlip')}
      </Button>
      {slip && (
        <p className={slip.state === 'printed' ? 'success' : 'error-text'} data-slip={slip.state}>
          {slip.state === 'printed' ? t('maintenance.testSlipPrinted') : `${t('maintenance.failed')} (${slip.error})`}
        </p>
      )}
    </>
  );
}

/** The camera's live picture, as the photo step would see it; closed when the panel closes. */
function CameraPreview() {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let stream: MediaStream | undefined;
    let closed = false;
    void openCamera().then((opened) => {
      if ('problem' in opened) return setProblem(opened.problem);
      if (closed) return opened.stream.getTracks().forEach((track) => track.stop());
      stream = opened.stream;
      if (video.current) video.current.srcObject = stream;
    });
    return () => {
      closed = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return problem ? (
    <p className="error-text" role="alert" data-camera-problem={problem}>
      {t('maintenance.failed')} ({problem})
    </p>
  ) : (
    <video ref={video} className="maintenance-camera" autoPlay muted playsInline aria-label={t('maintenance.cameraPreview')} data-testid="camera-preview" />
  );
}
