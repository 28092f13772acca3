import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { findingMessage } from '../../engine/messages';
import { ruleDef } from '../../engine/rules/registry';
import type { PaneController } from '../controller';
import type { Translate } from '../i18n';
import type { PaneState } from '../state';
import { useLayoutStyles } from '../styles';
import { ChainView, formatWaktu } from './ChainView';
import { type DecisionMode, DecisionDialog } from './DecisionDialog';
import { SeverityLabel } from './SeverityLabel';

export type AuditActions = Pick<PaneController, 'accept' | 'withdraw' | 'exportAudit' | 'validate'>;

export interface AuditTabProps {
  readonly state: PaneState;
  readonly actions: AuditActions;
  readonly t: Translate;
}

const STAMP_COLOR = {
  valid: 'success',
  changed: 'danger',
  none: 'informative',
  returned: 'warning',
} as const;

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

export function AuditTab({ state, actions, t }: AuditTabProps) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const [deciding, setDeciding] = useState<{ id: string; mode: DecisionMode } | null>(null);
  const v = state.validation;
  const target = v?.findings.find((f) => f.id === deciding?.id) ?? null;
  // The stamp as last checked against the workbook's current content (opening this tab checks it).
  const stamp = state.stamp ?? (v ? { status: v.stamp, info: v.stampInfo } : null);
  const chain = state.stamp?.persetujuan ?? v?.persetujuan ?? null;
  // The whole chain's state: returned, changed by an edit (any level), stamped (the first level valid), none.
  const badge = chain?.dikembalikan ? 'returned' : chain?.berubah ? 'changed' : (stamp?.status ?? 'none');

  return (
    <div className={layout.panel}>
      <section className={layout.stack} aria-labelledby="audit-stamp-heading">
        <h2 id="audit-stamp-heading" className={layout.subheading}>
          {t('audit.stampStatus')}
        </h2>
        {stamp ? (
          <div className={layout.row}>
            <Badge appearance="filled" color={STAMP_COLOR[badge]} data-testid="stamp-status">
              {t(`audit.stamp.${badge}`)}
            </Badge>
            {stamp.info ? (
              <Text size={200}>
                {t('audit.stampWhen', {
                  waktu: formatWaktu(
                    stamp.info.waktu,
                    state.reference.reference.daerah.zonaWaktu,
                    state.lang,
                  ),
                  oleh: stamp.info.fields.oleh || '—',
                })}
              </Text>
            ) : null}
            {badge === 'changed' ? <Text size={200}>{t('audit.stampChangedHint')}</Text> : null}
          </div>
        ) : (
          <Text>{t('audit.stampUnknown')}</Text>
        )}
        {chain ? (
          <ChainView
            chain={chain}
            lang={state.lang}
            zone={state.reference.reference.daerah.zonaWaktu}
            t={t}
            testId="audit-chain"
          />
        ) : null}
        {v ? null : (
          <div className={layout.row}>
            <Text>{t('audit.notValidated')}</Text>
            <Button onClick={() => void actions.validate()} disabled={state.busy}>
              {t('validasi.run')}
            </Button>
          </div>
        )}
      </section>

      <div className={layout.row}>
        <Button appearance="primary" onClick={() => void actions.exportAudit()} disabled={state.busy}>
          {t('audit.export')}
        </Button>
      </div>

      {v ? (
        <section className={layout.stack} aria-labelledby="audit-findings-heading">
          <h2 id="audit-findings-heading" className={layout.subheading}>
            {t('validasi.findings')}
          </h2>
          {v.findings.length === 0 ? <Text>{t('validasi.noFindings')}</Text> : null}
          <ul className={layout.list}>
            {v.findings.map((f) => {
              const acceptable = ruleDef(f.rule).acceptable;
              return (
                <li key={f.id} className={styles.item} data-testid={`audit-${f.id}`}>
                  <div className={layout.row}>
                    <SeverityLabel severity={f.severity} t={t} />
                    <span>{f.cell ?? t('validasi.cellNone')}</span>
                    <span className={styles.meta}>{f.rule}</span>
                    <Badge appearance="tint" color={f.status === 'accepted' ? 'success' : 'warning'}>
                      {t(`status.${f.status}`)}
                    </Badge>
                  </div>
                  <span>{findingMessage(f, state.lang)}</span>
                  {f.basis ? <span className={styles.meta}>{f.basis}</span> : null}
                  {f.decision ? (
                    <span className={styles.meta}>
                      {t('audit.acceptedBy', { pemeriksa: f.decision.reviewer, alasan: f.decision.reason })}
                    </span>
                  ) : null}
                  <div className={layout.row}>
                    {f.status === 'accepted' ? (
                      <Button
                        size="small"
                        aria-label={t('audit.withdrawLabel', { id: f.id })}
                        onClick={() => setDeciding({ id: f.id, mode: 'withdraw' })}
                        disabled={state.busy}
                      >
                        {t('audit.withdraw')}
                      </Button>
                    ) : acceptable ? (
                      <Button
                        size="small"
                        aria-label={t('audit.acceptLabel', { id: f.id })}
                        onClick={() => setDeciding({ id: f.id, mode: 'accept' })}
                        disabled={state.busy}
                      >
                        {t('audit.accept')}
                      </Button>
                    ) : (
                      <Text size={200} className={styles.meta}>
                        {t('audit.notAcceptable')}
                      </Text>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <DecisionDialog
        mode={deciding?.mode ?? 'accept'}
        findingId={target ? target.id : null}
        description={
          target ? `${target.rule} ${target.cell ?? ''}: ${findingMessage(target, state.lang)}` : ''
        }
        onDecide={(reason, reviewer) =>
          deciding?.mode === 'withdraw'
            ? actions.withdraw(deciding.id, reason, reviewer)
            : actions.accept(deciding?.id ?? '', reason, reviewer)
        }
        onClose={() => setDeciding(null)}
        t={t}
      />
    </div>
  );
}
