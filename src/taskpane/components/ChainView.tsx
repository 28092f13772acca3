import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../engine/messages';
import { longDate } from '../../engine/isoDate';
import {
  type LevelStatus,
  type Persetujuan,
  chainWord,
  levelLabel,
  localDateTime,
  scheduleWord,
} from '../../engine/signoff';
import type { Translate } from '../i18n';
import { useLayoutStyles } from '../styles';

const STATUS_COLOR: Record<LevelStatus, 'success' | 'danger' | 'informative' | 'warning'> = {
  valid: 'success',
  changed: 'danger',
  none: 'informative',
  outOfOrder: 'warning',
};

const useStyles = makeStyles({
  level: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    minWidth: 0,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/**
 * A stamp's `Waktu` (UTC) as a person reads it, in the region's zone: `28 November 2026 09.30`
 * style (`28 November 2026 09:30`), the one date style of docs/spec/consolidation.md; as written
 * when unreadable.
 */
export function formatWaktu(waktu: string | null, zone: string, lang: Lang): string {
  const local = localDateTime(waktu, zone); // `2026-11-28 09:30`, `2026-11-28`, or as written
  return /^\d{4}-\d{2}-\d{2}/.test(local) ? `${longDate(local.slice(0, 10), lang)}${local.slice(10)}` : local;
}

export interface ChainViewProps {
  readonly chain: Persetujuan;
  readonly lang: Lang;
  /** The region's time zone (stamps are shown in local time). */
  readonly zone: string;
  readonly t: Translate;
  /** Distinguishes the two lists (Validasi, Audit) for tests and screen readers. */
  readonly testId: string;
}

/** The chain, one line per level: label in the pane's language, status, who and when; then the chain's word, a return, an edit, the schedule. */
export function ChainView({ chain, lang, zone, t, testId }: ChainViewProps) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const jadwal = new Map(chain.jadwal.map((j) => [j.tingkat, j]));
  return (
    <div className={layout.stack} data-testid={testId}>
      <Text size={200} data-testid={`${testId}-word`}>
        {t('signoff.reached', { tingkat: chainWord(chain, lang) })}
      </Text>
      <ol className={layout.list} aria-label={t('signoff.chain')}>
        {chain.levels.map((l) => {
          const label = levelLabel(l.level, lang);
          const s = jadwal.get(l.level.kunci);
          return (
            <li
              key={l.level.kunci}
              className={styles.level}
              data-level={l.level.kunci}
              data-status={l.status}
            >
              <span className={styles.label}>{label}</span>
              <Badge appearance="tint" size="small" color={STATUS_COLOR[l.status]}>
                {t(`signoff.status.${l.status}`)}
              </Badge>
              {l.row ? (
                <Text size={200} className={styles.meta}>
                  {t('signoff.who', {
                    oleh: [l.row.oleh ?? '—', l.row.jabatan].filter(Boolean).join(' — '),
                    waktu: formatWaktu(l.row.waktu, zone, lang),
                  })}
                </Text>
              ) : null}
              {s ? (
                <Text size={200} className={styles.meta} data-testid="schedule-word">
                  {t('signoff.schedule', { batas: longDate(s.batas, lang), keadaan: scheduleWord(s, lang) })}
                </Text>
              ) : null}
            </li>
          );
        })}
      </ol>
      {chain.dikembalikan && chain.kembali ? (
        <Text size={200} data-testid={`${testId}-returned`}>
          {t('signoff.returned', {
            oleh: chain.kembali.oleh ?? '—',
            waktu: formatWaktu(chain.kembali.waktu, zone, lang),
            catatan: chain.kembali.catatan ?? '',
          })}
        </Text>
      ) : null}
      {chain.berubah ? <Text size={200}>{t('signoff.changed')}</Text> : null}
      {chain.unknown.length ? (
        <Text size={200}>{t('signoff.unknown', { n: chain.unknown.length })}</Text>
      ) : null}
      {chain.setAside.length ? (
        <Text size={200}>{t('signoff.setAside', { n: chain.setAside.length })}</Text>
      ) : null}
    </div>
  );
}
