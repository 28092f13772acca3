import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { percentText } from '../../engine/iid/words';
import type { Iid } from '../../engine/iid/model';
import type { Lang } from '../../engine/messages';
import type { FileValidation } from '../../engine/validate';
import type { Translate } from '../i18n';
import { readinessItems } from '../readiness';
import { useLayoutStyles } from '../styles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  ready: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  notReady: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface ReadinessListProps {
  readonly validation: FileValidation | null;
  readonly iid: Iid | undefined;
  readonly lang: Lang;
  readonly t: Translate;
  readonly onOpen: (index: number) => void;
}

/**
 * IID readiness after a validation (docs/spec/iid.md): per innovation a bar and the percent, ready
 * or not, the missing indicators; a button to its `Data Dukung` rows (or a new prefilled row). Says
 * it is an estimate and names the reference's source; no predicate band.
 */
/** Innovations listed in the pane; the rest are counted (a 2,000-row sheet must not make 2,000 bars). */
export const READINESS_SHOWN = 30;

export function ReadinessList({ validation, iid, lang, t, onOpen }: ReadinessListProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const items = useMemo(() => readinessItems(validation, iid), [validation, iid]);
  if (!iid || !items.length) return null;
  return (
    <section className={layout.stack} aria-labelledby="iid-heading" data-testid="iid-readiness">
      <h2 id="iid-heading" className={layout.subheading}>
        {t('iid.heading')}
      </h2>
      <Text size={200} className={styles.note} data-testid="iid-source">
        {t('iid.source', { tahun: iid.tahun, sumber: iid.sumber })}
      </Text>
      <ul className={layout.list}>
        {items.slice(0, READINESS_SHOWN).map((item) => (
          <li key={item.index} className={styles.item} data-testid="iid-item">
            <span className={styles.head}>
              <Text weight="semibold">{item.nama}</Text>
              <span className={item.siap ? styles.ready : styles.notReady}>
                {item.siap ? t('iid.ready') : t('iid.notReady')}
              </span>
            </span>
            <ProgressBar
              value={item.kematangan / 100}
              max={1}
              thickness="large"
              aria-label={t('iid.bar', { nama: item.nama })}
              aria-valuetext={percentText(item.kematangan, lang)}
            />
            <Text size={200}>
              {t('iid.maturity', {
                persen: percentText(item.kematangan, lang),
                terverifikasi: percentText(item.kematanganTerverifikasi, lang),
              })}
            </Text>
            <Text size={200}>
              {item.kurang.length
                ? t('iid.missing', {
                    n: item.kurang.length,
                    nama: item.kurang.slice(0, 3).join(', ') + (item.kurang.length > 3 ? ', …' : ''),
                  })
                : t('iid.complete')}
            </Text>
            <div className={layout.row}>
              <Button size="small" data-testid="iid-open" onClick={() => onOpen(item.index)}>
                {item.rows ? t('iid.open', { n: item.rows }) : t('iid.add')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {items.length > READINESS_SHOWN ? (
        <Text size={200} className={styles.note} data-testid="iid-more">
          {t('iid.more', { n: items.length - READINESS_SHOWN })}
        </Text>
      ) : null}
    </section>
  );
}
