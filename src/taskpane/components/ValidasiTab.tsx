import { Button, Field, Input, Switch, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { countFindings } from '../../engine/validate';
import type { PaneController } from '../controller';
import { ALL_FINDINGS, type FindingFilter, applyFilter, rulesPresent } from '../findingsView';
import type { Translate } from '../i18n';
import type { PaneState } from '../state';
import { useLayoutStyles } from '../styles';
import { CountBadges } from './CountBadges';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';

export type ValidasiActions = Pick<
  PaneController,
  'validate' | 'clearFlags' | 'createTemplate' | 'setLive' | 'stamp' | 'stampAllowance' | 'selectFinding'
>;

export interface ValidasiTabProps {
  readonly state: PaneState;
  readonly actions: ValidasiActions;
  readonly t: Translate;
}

export function ValidasiTab({ state, actions, t }: ValidasiTabProps) {
  const layout = useLayoutStyles();
  const [filter, setFilter] = useState<FindingFilter>(ALL_FINDINGS);
  const [oleh, setOleh] = useState('');
  const v = state.validation;
  const findings = useMemo(() => v?.findings ?? [], [v]);
  const shown = useMemo(() => applyFilter(findings, filter), [findings, filter]);
  const rules = useMemo(() => rulesPresent(findings), [findings]);
  const allowance = actions.stampAllowance(state);
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
      <Switch label={t('validasi.live')} checked={state.live} onChange={(_, data) => actions.setLive(data.checked)} />

      <section className={layout.stack} aria-labelledby="stamp-heading">
        <h2 id="stamp-heading" className={layout.subheading}>
          {t('validasi.stamp')}
        </h2>
        <Field label={t('validasi.stampBy')}>
          <Input value={oleh} placeholder={state.identityName ?? ''} onChange={(_, data) => setOleh(data.value)} />
        </Field>
        <div className={layout.row}>
          {/* disabledFocusable: a keyboard user still reaches the button and hears why it is off. */}
          <Button
            onClick={() => void actions.stamp(oleh)}
            disabledFocusable={!allowance.allowed || state.busy}
            aria-describedby="stamp-reason"
          >
            {t('validasi.stamp')}
          </Button>
          <Text id="stamp-reason" size={200} data-testid="stamp-reason">
            {t(allowance.reason, allowance.params)}
          </Text>
        </div>
      </section>

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
    </div>
  );
}
