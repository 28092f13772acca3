import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Switch,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { countFindings } from '../../engine/validate';
import { levelLabel } from '../../engine/signoff';
import type { PaneController } from '../controller';
import { ALL_FINDINGS, type FindingFilter, applyFilter, rulesPresent } from '../findingsView';
import type { Translate } from '../i18n';
import type { PaneState } from '../state';
import { useLayoutStyles } from '../styles';
import { ChainView } from './ChainView';
import { CountBadges } from './CountBadges';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';
import { ReadinessList } from './ReadinessList';

export type ValidasiActions = Pick<
  PaneController,
  | 'validate'
  | 'clearFlags'
  | 'createTemplate'
  | 'setLive'
  | 'stamp'
  | 'kembalikan'
  | 'signoff'
  | 'selectFinding'
  | 'openEvidence'
>;

export interface ValidasiTabProps {
  readonly state: PaneState;
  readonly actions: ValidasiActions;
  readonly t: Translate;
}

export function ValidasiTab({ state, actions, t }: ValidasiTabProps) {
  const layout = useLayoutStyles();
  const [filter, setFilter] = useState<FindingFilter>(ALL_FINDINGS);
  const v = state.validation;
  const findings = useMemo(() => v?.findings ?? [], [v]);
  const shown = useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const rules = useMemo(() => rulesPresent(findings), [findings]);
  const counts = v ? countFindings(v.findings) : null;

  return (
    <div className={layout.panel}>
      <div className={layout.row}>
        {state.hasInovasi === false ? (
          <Button onClick={() => void actions.createTemplate()} disabled={state.busy}>
            {t('validasi.create')}
          </Button>
        ) : null}
        <Button appearance="primary" onClick={() => void actions.validate()} disabled={state.busy}>
          {t('validasi.run')}
        </Button>
        <Button onClick={() => void actions.clearFlags()} disabled={state.busy}>
          {t('validasi.clear')}
        </Button>
      </div>
      <Switch
        label={t('validasi.live')}
        checked={state.live}
        onChange={(_, data) => actions.setLive(data.checked)}
      />

      {/* Results before forms (issue 25): the findings first, the sign-off below with its form collapsed. */}
      <section className={layout.stack} aria-labelledby="findings-heading">
        <h2 id="findings-heading" className={layout.subheading}>
          {t('validasi.findings')}
        </h2>
        {counts ? <CountBadges counts={counts} t={t} /> : <Text>{t('validasi.notYet')}</Text>}
        {v && findings.length > 0 ? (
          <>
            <FindingFilters filter={filter} rules={rules} onChange={setFilter} t={t} />
            {shown.length ? (
              <FindingList
                findings={shown}
                tableSheet={v.submission?.table?.sheet ?? null}
                lang={state.lang}
                t={t}
                onSelect={(f) => void actions.selectFinding(f)}
              />
            ) : (
              <Text>{t('validasi.noMatch')}</Text>
            )}
          </>
        ) : null}
        {v && findings.length === 0 ? <Text>{t('validasi.noFindings')}</Text> : null}
      </section>

      <ReadinessList
        validation={v}
        iid={state.reference.reference.iid}
        lang={state.lang}
        t={t}
        onOpen={(i) => void actions.openEvidence(i)}
      />

      <SignoffSection state={state} actions={actions} t={t} />
    </div>
  );
}

/** The button of a level: `Stempel: Disusun`, `Setujui (Kepala OPD)`, `Verifikasi`; `Stempel: <label>` for a level of a custom reference. */
function stampLabel(kunci: string, label: string, t: Translate): string {
  return kunci === 'penyusun' || kunci === 'kepalaOpd' || kunci === 'verifikator'
    ? t(`signoff.stamp.${kunci}`)
    : t('signoff.stamp.other', { label });
}

/**
 * The sign-off chain (docs/spec/signoff.md): one line per level and why the next level may or may not
 * stamp; below, collapsed until asked for, the form: name, position, the next level's button (enabled
 * exactly when `nextSignoff` allows) and, for a level above the first, *Kembalikan* with a required note.
 */
function SignoffSection({ state, actions, t }: ValidasiTabProps) {
  const layout = useLayoutStyles();
  const [open, setOpen] = useState(false);
  const { chain, next, allowance } = actions.signoff(state);
  const level = next.level;
  const zone = state.reference.reference.daerah.zonaWaktu;

  return (
    <section className={layout.stack} aria-labelledby="stamp-heading">
      <h2 id="stamp-heading" className={layout.subheading}>
        {t('validasi.stamp')}
      </h2>
      {chain ? <ChainView chain={chain} lang={state.lang} zone={zone} t={t} testId="chain" /> : null}
      <Text id="stamp-reason" size={200} data-testid="stamp-reason">
        {t(allowance.reason, allowance.params)}
      </Text>
      {level ? (
        <Accordion
          collapsible
          openItems={open ? ['form'] : []}
          onToggle={(_, data) => setOpen(data.openItems.includes('form'))}
        >
          <AccordionItem value="form">
            <AccordionHeader size="small">{t('signoff.form')}</AccordionHeader>
            <AccordionPanel>
              {/* Keyed by the level that stamps next: after a stamp or a return the form starts empty. */}
              <SignoffForm key={level.kunci} state={state} actions={actions} t={t} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
    </section>
  );
}

/** Name, position, the next level's button and *Kembalikan*; cleared after every stamp and every return. */
function SignoffForm({ state, actions, t }: ValidasiTabProps) {
  const layout = useLayoutStyles();
  const [oleh, setOleh] = useState('');
  const [jabatan, setJabatan] = useState('');
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const { chain, next } = actions.signoff(state);
  const level = next.level;
  if (!level) return null;
  const first = chain !== null && chain.levels[0]?.level.kunci === level.kunci;
  const label = levelLabel(level, state.lang);
  const noteReady = note.trim() !== '' && oleh.trim() !== '';
  const clear = () => {
    setOleh('');
    setJabatan('');
    setNote('');
    setReturning(false);
  };

  return (
    <div className={layout.stack} data-testid="signoff-form">
      <Field label={t('validasi.stampBy')}>
        <Input
          value={oleh}
          placeholder={first ? (state.identityName ?? '') : ''}
          onChange={(_, data) => setOleh(data.value)}
        />
      </Field>
      <Field label={t('validasi.stampJabatan')}>
        <Input
          value={jabatan}
          placeholder={first ? (state.identityJabatan ?? '') : ''}
          onChange={(_, data) => setJabatan(data.value)}
        />
      </Field>
      <div className={layout.row}>
        {/* disabledFocusable: a keyboard user still reaches the button and hears why it is off. */}
        <Button
          appearance="primary"
          data-testid="stamp-button"
          onClick={() => void actions.stamp({ oleh, jabatan }, level.kunci).then((ok) => ok && clear())}
          disabledFocusable={!next.mayStamp || state.busy}
          aria-describedby="stamp-reason"
        >
          {stampLabel(level.kunci, label, t)}
        </Button>
        {!first ? (
          <Button
            data-testid="return-button"
            aria-label={t('signoff.returnLabel', { tingkat: label })}
            aria-expanded={returning}
            onClick={() => setReturning((r) => !r)}
            disabledFocusable={!next.mayReturn || state.busy}
          >
            {t('signoff.return')}
          </Button>
        ) : null}
      </div>
      {!first && returning && next.mayReturn ? (
        <div className={layout.stack} data-testid="return-form">
          <Field label={t('signoff.returnNote')} required>
            <Textarea value={note} onChange={(_, data) => setNote(data.value)} resize="vertical" />
          </Field>
          <div className={layout.row}>
            <Button
              appearance="primary"
              disabledFocusable={!noteReady || state.busy}
              onClick={() =>
                void actions.kembalikan(level.kunci, note, { oleh, jabatan }).then((ok) => ok && clear())
              }
            >
              {t('signoff.returnSend')}
            </Button>
            <Button onClick={() => setReturning(false)}>{t('signoff.returnCancel')}</Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
