import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import type { PaneController } from '../controller';
import type { Translate } from '../i18n';
import type { PaneState } from '../state';
import { useLayoutStyles } from '../styles';

export type ReferensiActions = Pick<PaneController, 'loadReference' | 'returnToDefault'>;

export interface ReferensiTabProps {
  readonly state: PaneState;
  readonly actions: ReferensiActions;
  readonly t: Translate;
}

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
});

export function ReferensiTab({ state, actions, t }: ReferensiTabProps) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { reference, id, source } = state.reference;
  const entries: [string, string][] = [
    [t('referensi.id'), id],
    [t('referensi.source'), t(`referensi.source.${source}`)],
    [t('referensi.region'), `${reference.daerah.nama} (${reference.daerah.kode})`],
    [t('referensi.period'), `${reference.rpjmd.periode.mulai}–${reference.rpjmd.periode.akhir}`],
    [t('referensi.opdCount'), String(reference.opd.length)],
    [t('referensi.programCount'), String(reference.rpjmd.program.length)],
  ];
  return (
    <div className={layout.panel}>
      <section className={layout.stack} aria-labelledby="ref-heading">
        <h2 id="ref-heading" className={layout.subheading}>
          {t('referensi.inForce')}
        </h2>
        <dl className={styles.list} data-testid="reference">
          {entries.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className={layout.stack}>
        {/* A Fluent button over a hidden input: the browser's own control would speak its language, not the pane's. */}
        <div className={layout.row}>
          <Button
            appearance="secondary"
            disabled={state.busy}
            aria-controls={inputId}
            onClick={() => inputRef.current?.click()}
          >
            {t('referensi.pick')}
          </Button>
        </div>
        <input
          ref={inputRef}
          id={inputId}
          hidden
          tabIndex={-1}
          aria-label={t('referensi.pick')}
          type="file"
          accept=".xlsx,.xlsm,.json,application/json"
          disabled={state.busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void actions.loadReference(file);
          }}
        />
      </div>
      <div className={layout.row}>
        <Button onClick={() => void actions.returnToDefault()} disabled={state.busy || source === 'default'}>
          {t('referensi.default')}
        </Button>
        {source === 'workbook' ? <Text size={200}>{t('referensi.workbookOverrides')}</Text> : null}
      </div>
    </div>
  );
}
