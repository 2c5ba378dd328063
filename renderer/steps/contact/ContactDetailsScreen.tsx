import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import reasonMessages from 'virtual:kiosk-locale-section/reasons';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { currentVisit, stepDone } from '../../flows/service-flow.js';
import { addLocaleSection } from '../../i18n/add-locale-section.js';
import { type Eligibility, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { FactsTable } from '../../ui/FactsTable.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { formatDate } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import { finishService } from '../../flows/service-flow.js';
import type { StepProps } from '../flow/step-props.js';
import { ContactFields, type FieldId } from './ContactFields.js';
import type { ContactDetailsInput, ContactSubjectInput } from './contact-types.js';
import '../../ui/own-data-form.css';
import { PlaceOtherCardScreen } from '../../ui/PlaceOtherCardScreen.js';

// A minor's or ward's card can be refused here, with the refusal screen's reasons: they are not in the
// first paint's locale (renderer/i18n/lazy-sections.ts) and arrive with this chunk too.
addLocaleSection('reasons', reasonMessages);

type Relation = 'minor-child' | 'ward';
type Subject = ResultOf<'contacts.readSubjectCard'>['subject'];
type Group = 'phone' | 'address' | 'occupation' | 'emergency';
type Draft = { chosen: Group[]; values: Record<FieldId, string> };

type Phase =
  | { name: 'whose' }
  | { name: 'subject-card'; relation: Relation; error?: ApiErrorCode }
  | { name: 'subject-refused'; subject: Subject; eligibility: Eligibility }
  | { name: 'fields' }
  | { name: 'confirm'; details: ContactDetailsInput; dueBy: string | null; error?: ApiErrorCode };

const EMPTY: Draft = { chosen: [], values: { phone: '', address: '', occupation: '', emergencyName: '', emergencyPhone: '' } };

/**
 * Change of contact details [001 ID Q18]: whose (mine, my minor child's, my ward's — the child's
 * card is read after the parent's and the host checks the relation on file), then only the details
 * to change, typed on the on-screen keyboard, then a summary with the date the host says they will
 * be updated by. Confirming hands the choices to the flow, which asks the host again and submits.
 */
export function ContactDetailsScreen({ holder }: StepProps<'enter-contact-details'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const language = useKiosk((s) => s.language);
  const [phase, setPhase] = useState<Phase>({ name: 'whose' });
  const [subject, setSubject] = useState<{ request: ContactSubjectInput; shown?: Subject }>({ request: { relation: 'self' } });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const read = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => read.current?.abort(), []);

  const readSubject = async (relation: Relation) => {
    if (!api) return;
    read.current?.abort();
    const controller = (read.current = new AbortController());
    setPhase({ name: 'subject-card', relation });
    const result = await api.contacts.readSubjectCard({ relation }, { signal: controller.signal });
    if (controller.signal.aborted) return;
    if (!result.ok) return setPhase({ name: 'subject-card', relation, error: result.error.code });
    const found = result.value.subject;
    const request: ContactSubjectInput = { relation, dateOfBirth: found.dateOfBirth, relationOnFile: found.relationOnFile };
    // The host decides whether this person's details can be changed here (a minor, on file).
    const visit = currentVisit();
    const answer = await api.services.evaluate({ service: 'contact-change', request: { ...visit?.request, contactSubject: request } });
    if (controller.signal.aborted) return;
    if (!answer.ok) return setPhase({ name: 'subject-card', relation, error: answer.error.code });
    if (answer.value.eligibility.verdict !== 'allowed') return setPhase({ name: 'subject-refused', subject: found, eligibility: answer.value.eligibility });
    setSubject({ request, shown: found });
    setPhase({ name: 'fields' });
  };

  const review = async (details: ContactDetailsInput, state: Draft) => {
    setDraft(state);
    if (!api) return;
    const request = { ...currentVisit()?.request, contactSubject: subject.request, contactDetails: details };
    const answer = await api.services.evaluate({ service: 'contact-change', request });
    setPhase({ name: 'confirm', details, dueBy: answer.ok ? answer.value.resultDueBy : null, ...(answer.ok ? {} : { error: answer.error.code }) });
  };

  const whoseName = subject.shown ? (language.startsWith('zh') && subject.shown.nameZh ? subject.shown.nameZh : subject.shown.nameLatin) : undefined;
  const cancel = <CancelVisitButton />;

  if (phase.name === 'whose') {
    return (
      <Screen title={t('contact.title')} actions={cancel}>
        <p className="lead">{t('contact.whose')}</p>
        <div className="option-list">
          <Button
            variant="secondary"
            className="option-button"
            onClick={() => {
              setSubject({ request: { relation: 'self' } });
              setPhase({ name: 'fields' });
            }}
          >
            <span>{t('contact.subjects.self')}</span>
            {holder && <span className="option-detail">{language.startsWith('zh') && holder.nameZh ? holder.nameZh : holder.nameLatin}</span>}
          </Button>
          <Button variant="secondary" className="option-button" onClick={() => void readSubject('minor-child')}>
            <span>{t('contact.subjects.minor-child')}</span>
            <span className="option-detail">{t('contact.subjectHint')}</span>
          </Button>
          <Button variant="secondary" className="option-button" onClick={() => void readSubject('ward')}>
            <span>{t('contact.subjects.ward')}</span>
            <span className="option-detail">{t('contact.subjectHint')}</span>
          </Button>
        </div>
      </Screen>
    );
  }

  if (phase.name === 'subject-card') {
    return <PlaceOtherCardScreen title={t(`contact.placeCard.${phase.relation}`)} hint={t('contact.placeCardHint')} error={phase.error} cancel={cancel} onRetry={() => void readSubject(phase.relation)} />;
  }

  if (phase.name === 'subject-refused') {
    return (
      <Screen title={t('refusal.title')} actions={<Button onClick={finishService}>{t('actions.finish')}</Button>}>
        <p className="lead">{t('contact.subjectRead', { name: language.startsWith('zh') && phase.subject.nameZh ? phase.subject.nameZh : phase.subject.nameLatin })}</p>
        <h2 className="subheading">{t('refusal.because')}</h2>
        <div role="alert">
          <ul className="reason-list" data-testid="refusal-reasons">
            {phase.eligibility.reasons.map((code) => (
              <li key={code} data-reason={code}>
                {t(`reasons.${code}`)}
              </li>
            ))}
          </ul>
        </div>
        <p className="lead">{phase.eligibility.verdict === 'counter-only' ? t('refusal.counterOnly') : t('refusal.notAllowed')}</p>
      </Screen>
    );
  }

  if (phase.name === 'fields') {
    return (
      <Screen title={whoseName ? t('contact.titleFor', { name: whoseName }) : t('contact.title')} actions={cancel}>
        <ContactFields initial={draft} onDone={(details, state) => void review(details, state)} />
      </Screen>
    );
  }

  const { details } = phase;
  const rows: Array<[string, string]> = [
    ...(details.phone !== undefined ? [[t('contact.fields.phone'), details.phone] as [string, string]] : []),
    ...(details.address !== undefined ? [[t('contact.fields.address'), details.address] as [string, string]] : []),
    ...(details.occupation !== undefined ? [[t('contact.fields.occupation'), details.occupation] as [string, string]] : []),
    ...(details.emergencyContact
      ? [[t('contact.groups.emergency'), `${details.emergencyContact.name}, ${details.emergencyContact.phone}`] as [string, string]]
      : []),
  ];
  return (
    <Screen
      title={t('contact.confirmTitle')}
      actions={
        <>
          {cancel}
          <Button variant="secondary" onClick={() => setPhase({ name: 'fields' })}>
            {t('contact.change')}
          </Button>
          <Button onClick={() => void stepDone('enter-contact-details', { request: { contactSubject: subject.request, contactDetails: details } })}>
            {t('contact.confirm')}
          </Button>
        </>
      }
    >
      {whoseName && <p className="lead">{t('contact.titleFor', { name: whoseName })}</p>}
      <FactsTable rows={rows} testId="contact-summary" />
      <p className="lead" data-testid="contact-due">
        {phase.dueBy ? t('contact.dueBy', { date: formatDate(phase.dueBy, language) }) : t('contact.within')}
      </p>
      {phase.error && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
        </p>
      )}
    </Screen>
  );
}
