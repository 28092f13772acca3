import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { type Lang, findingHint, findingMessage } from '../../engine/messages';
import type { IdentifiedFinding } from '../../engine/validate';
import { groupByRow } from '../findingsView';
import type { Translate } from '../i18n';
import { useLayoutStyles } from '../styles';
import { SeverityLabel } from './SeverityLabel';

const useStyles = makeStyles({
  item: {
    width: '100%',
    minWidth: 0,
    maxWidth: '100%',
    height: 'auto',
    justifyContent: 'flex-start',
    textAlign: 'start',
    whiteSpace: 'normal',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hint: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  accepted: { color: tokens.colorNeutralForeground3 },
});

export interface FindingListProps {
  readonly findings: readonly IdentifiedFinding[];
  /** The innovation sheet (for grouping by its rows), or null. */
  readonly tableSheet: string | null;
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelect: (finding: IdentifiedFinding) => void;
}

/** Findings grouped by row; each one is a button that selects its cell. */
export function FindingList({ findings, tableSheet, lang, t, onSelect }: FindingListProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <div className={layout.stack} data-testid="finding-groups">
      {groupByRow(findings, tableSheet).map((group) => {
        const title =
          group.row === null ? t('validasi.fileGroup') : t('validasi.rowGroup', { baris: group.row });
        const headingId = `grp-${group.key.replace(/\W/g, '-')}`;
        return (
          <section key={group.key} aria-labelledby={headingId} className={layout.stack}>
            <h3 id={headingId} className={layout.subheading}>
              {title}
            </h3>
            <ul className={layout.list}>
              {group.findings.map((f) => {
                const hint = findingHint(f, lang);
                const where = f.cell
                  ? f.sheet && f.sheet !== tableSheet
                    ? `${f.sheet}!${f.cell}`
                    : f.cell
                  : t('validasi.cellNone');
                return (
                  <li key={f.id}>
                    <Button
                      appearance="subtle"
                      className={styles.item}
                      onClick={() => onSelect(f)}
                      disabledFocusable={!f.cell}
                      data-finding-id={f.id}
                    >
                      <span className={styles.body}>
                        <span className={styles.head}>
                          <SeverityLabel severity={f.severity} t={t} />
                          <span>{where}</span>
                          <span className={styles.accepted}>{f.rule}</span>
                          {f.status === 'accepted' ? (
                            <span className={styles.accepted}>{t('status.accepted')}</span>
                          ) : null}
                        </span>
                        <span>{findingMessage(f, lang)}</span>
                        {hint ? <span className={styles.hint}>{hint}</span> : null}
                      </span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
