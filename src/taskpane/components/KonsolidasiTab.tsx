import {
  Badge,
  Button,
  Field,
  Input,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { type DragEvent, useId, useRef, useState } from 'react';
import type { PaneController, PickedFile } from '../controller';
import type { ReplicationFigures } from '../../engine/replication';
import type { Translate } from '../i18n';
import { RESULT_FILTERS, type ResultFilter, filterCounts, passes, sentTally } from '../resultFilter';
import type { ConsolidationRow, PaneState, Progress } from '../state';
import { useLayoutStyles } from '../styles';

export type KonsolidasiActions = Pick<
  PaneController,
  | 'startConsolidation'
  | 'cancelConsolidation'
  | 'openSheet'
  | 'makeFeedback'
  | 'cancelFeedback'
  | 'openFeedback'
>;

export interface KonsolidasiTabProps {
  readonly state: PaneState;
  readonly actions: KonsolidasiActions;
  readonly t: Translate;
}

const WORKBOOK_NAME = /\.(xlsx|xlsm|xls)$/i;

/** Badge colours of `Rekap OPD`'s statuses: OPD rows, then the rows of files that do not count. */
const STATUS_COLOR: Readonly<Record<string, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'>> = {
  Siap: 'success',
  'Perlu Perbaikan': 'warning',
  Konflik: 'danger',
  'Berkas Tidak Dihitung': 'warning',
  'Belum Mengirim': 'subtle',
  Diganti: 'informative',
  'Tahun Lain': 'warning',
  'Tahun Kosong': 'warning',
  'Berkas Konflik': 'danger',
  'OPD Tidak Dikenal': 'danger',
  'Tidak Terbaca': 'danger',
};

const useStyles = makeStyles({
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    textAlign: 'center',
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  fileRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  fileName: { minWidth: 0, overflowWrap: 'anywhere' },
  // Sized by content (at 320 px the numbers and badges keep their width, the code takes the rest and breaks where it must: INSPEKTORAT).
  table: { tableLayout: 'auto', width: '100%' },
  cell: {
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
    verticalAlign: 'middle',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  statusCol: { whiteSpace: 'nowrap' },
  codeCol: { minWidth: '5em' },
  numberCol: { whiteSpace: 'nowrap', textAlign: 'end', width: '1%' },
  badge: { whiteSpace: 'nowrap' },
  signoff: {
    display: 'flex',
    flexDirection: 'column',
    whiteSpace: 'normal',
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
  },
  total: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, display: 'block' },
});

const fileKey = (f: PickedFile): string => `${f.name}|${f.size}`;

/** The year field: empty → null (automatic); a year 2000–2100 → it; anything else → undefined (refused). */
export function yearField(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return /^\d{4}$/.test(t) && n >= 2000 && n <= 2100 ? n : undefined;
}

/** Adds files not yet in the list (same name and size counts as the same file). */
function merge(list: readonly File[], added: readonly File[]): File[] {
  const seen = new Set(list.map(fileKey));
  const out = [...list];
  for (const f of added) {
    if (!seen.has(fileKey(f))) {
      seen.add(fileKey(f));
      out.push(f);
    }
  }
  return out;
}

/** «Berkas 3 dari 12 — menulis lembar 2 dari 6»: the file count, then the phase (with the sheet while writing). */
function progressText(p: Progress, t: Translate): string {
  const tahap =
    p.phase === 'writing' && p.sheet !== undefined
      ? t('phase.writingSheet', { sheet: p.sheet, sheets: p.sheets ?? p.sheet })
      : t(`phase.${p.phase}`);
  return t('konsolidasi.progress', { n: p.n, total: p.total, tahap });
}

function progressValue(p: Progress): number {
  const within = p.phase === 'reading' ? 0 : p.phase === 'validating' ? 0.5 : 1;
  return Math.min(1, (p.n - 1 + within) / Math.max(1, p.total));
}

export function KonsolidasiTab({ state, actions, t }: KonsolidasiTabProps) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [over, setOver] = useState(false);
  const [tahunText, setTahunText] = useState('');
  const tahun = yearField(tahunText);
  const { running, progress, outcome } = state.consolidation;

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const dropped = Array.from(e.dataTransfer?.files ?? []).filter((f) => WORKBOOK_NAME.test(f.name));
    if (dropped.length) setFiles((list) => merge(list, dropped));
  };

  return (
    <div className={layout.panel}>
      <div className={layout.stack}>
        {/* The browser's own file control would speak its language ("Choose Files / No file chosen"),
            not the pane's: a Fluent button opens the hidden input, and the list below says what is chosen. */}
        <div className={layout.row}>
          <Button
            appearance="secondary"
            disabled={running}
            aria-controls={inputId}
            onClick={() => inputRef.current?.click()}
          >
            {t('konsolidasi.pick')}
          </Button>
        </div>
        <input
          ref={inputRef}
          id={inputId}
          hidden
          tabIndex={-1}
          aria-label={t('konsolidasi.pick')}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls"
          disabled={running}
          onChange={(e) => {
            const picked = Array.from(e.currentTarget.files ?? []);
            if (picked.length) setFiles((list) => merge(list, picked));
            e.currentTarget.value = '';
          }}
        />
        <div
          role="region"
          aria-label={t('konsolidasi.dropLabel')}
          data-testid="drop-zone"
          className={mergeClasses(styles.drop, over && styles.dropActive)}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          {t('konsolidasi.drop')}
        </div>
      </div>

      <section className={layout.stack} aria-labelledby="picked-heading">
        <h2 id="picked-heading" className={layout.subheading}>
          {t('konsolidasi.files', { n: files.length })}
        </h2>
        {files.length === 0 ? <Text>{t('konsolidasi.noFiles')}</Text> : null}
        <ul className={layout.list} data-testid="picked-files">
          {files.map((f) => (
            <li key={fileKey(f)} className={styles.fileRow}>
              <span className={styles.fileName}>{f.name}</span>
              <Button
                size="small"
                appearance="subtle"
                aria-label={t('konsolidasi.remove', { berkas: f.name })}
                disabled={running}
                onClick={() => setFiles((list) => list.filter((x) => fileKey(x) !== fileKey(f)))}
              >
                <span aria-hidden="true">✕</span>
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <Field
        label={t('konsolidasi.tahun')}
        hint={tahun === undefined ? undefined : t('konsolidasi.tahunHint')}
        validationMessage={tahun === undefined ? t('konsolidasi.tahunBad') : undefined}
        validationState={tahun === undefined ? 'error' : 'none'}
      >
        <Input
          inputMode="numeric"
          maxLength={4}
          value={tahunText}
          disabled={running}
          data-testid="consolidation-year"
          onChange={(_, d) => setTahunText(d.value)}
        />
      </Field>

      <div className={layout.row}>
        <Button
          appearance="primary"
          disabled={running || files.length === 0 || state.busy || tahun === undefined}
          onClick={() => void actions.startConsolidation(files, tahun ?? null)}
        >
          {t('konsolidasi.run')}
        </Button>
        {/* Writing is all or nothing: cancelled while staged, the workbook keeps its earlier output. */}
        {running ? (
          <Button onClick={() => actions.cancelConsolidation()}>{t('konsolidasi.cancel')}</Button>
        ) : null}
      </div>

      {running && progress ? (
        <Field
          label={t('konsolidasi.progressLabel')}
          validationMessage={progressText(progress, t)}
          validationState="none"
        >
          <ProgressBar value={progressValue(progress)} max={1} aria-valuetext={progressText(progress, t)} />
        </Field>
      ) : null}

      {outcome?.written?.length ? (
        <nav aria-label={t('konsolidasi.sheets')} className={layout.row} data-testid="summary-sheets">
          {outcome.written.map((sheet) => (
            <Button
              key={sheet}
              size="small"
              appearance="secondary"
              onClick={() => void actions.openSheet(sheet)}
            >
              {t('konsolidasi.open', { lembar: sheet })}
            </Button>
          ))}
        </nav>
      ) : null}
      {outcome?.renamed.length ? (
        <ul className={layout.list} data-testid="renamed-sheets">
          {outcome.renamed.map((r) => (
            <li key={`${r.from}>${r.to}`}>
              <Text>{t('konsolidasi.renamed', { asli: r.from, baru: r.to })}</Text>
            </li>
          ))}
        </ul>
      ) : null}
      {state.feedback.available && !running ? (
        <FeedbackSection state={state} actions={actions} t={t} />
      ) : null}
      {outcome ? (
        <Text data-testid="consolidation-year-chosen" className={styles.meta}>
          {outcome.tahun}
        </Text>
      ) : null}
      {outcome ? <ReplicationSection figures={outcome.replication} t={t} /> : null}
      {outcome ? <ResultTable rows={outcome.rows} t={t} /> : null}
    </div>
  );
}

/** Replication after a consolidation (docs/spec/replication.md): the catalogue size, replications inside the city, OPDs that replicated nothing. */
function ReplicationSection({ figures, t }: { figures: ReplicationFigures; t: Translate }) {
  const layout = useLayoutStyles();
  const idle = figures.belumMereplikasi;
  return (
    <section className={layout.stack} aria-label={t('replikasi.title')} data-testid="replication">
      <Text weight="semibold">{t('replikasi.title')}</Text>
      <ul className={layout.list}>
        <li>
          <Text>{t('replikasi.katalog', { n: figures.katalog })}</Text>
        </li>
        <li>
          <Text>{t('replikasi.dalamKota', { n: figures.dalamKota, total: figures.replikasi })}</Text>
        </li>
        <li>
          <Text>
            {idle.length
              ? `${t('replikasi.belum', { n: idle.length })} — ${idle.join(', ')}`
              : t('replikasi.belumNone')}
          </Text>
        </li>
      </ul>
      <Text size={200}>{t('replikasi.note')}</Text>
    </section>
  );
}

/** Feedback per OPD (issue 13): the button, progress per file with Cancel, then one download link per OPD. */
function FeedbackSection({ state, actions, t }: KonsolidasiTabProps) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { running, progress, files } = state.feedback;
  const words = progress
    ? t('umpanBalik.progress', { n: progress.n, total: progress.total, berkas: progress.file })
    : '';
  return (
    <section className={layout.stack} aria-label={t('umpanBalik.files')} data-testid="feedback">
      <div className={layout.row}>
        <Button appearance="secondary" disabled={running} onClick={() => void actions.makeFeedback()}>
          {t('umpanBalik.make')}
        </Button>
        {running ? <Button onClick={() => actions.cancelFeedback()}>{t('umpanBalik.cancel')}</Button> : null}
      </div>
      {running && progress ? (
        <Field label={t('umpanBalik.progressLabel')} validationMessage={words} validationState="none">
          <ProgressBar
            value={(progress.n - 1) / Math.max(1, progress.total)}
            max={1}
            aria-valuetext={words}
          />
        </Field>
      ) : null}
      {files.length && state.fileOffer === 'newWorkbook' ? (
        <Text size={200}>{t('umpanBalik.openHint')}</Text>
      ) : null}
      {files.length ? (
        <ul className={layout.list} data-testid="feedback-files">
          {files.map((f) => (
            <li key={f.url} className={styles.fileRow}>
              {state.fileOffer === 'download' ? (
                <a download={f.fileName} href={f.url}>
                  {f.opd}
                </a>
              ) : (
                // Mac, iPad, Windows: a download link would go nowhere (issue 22).
                <Button size="small" disabled={state.busy} onClick={() => void actions.openFeedback(f.url)}>
                  {t('umpanBalik.open', { opd: f.opd })}
                </Button>
              )}
              <span className={mergeClasses(styles.fileName, styles.meta)}>{f.fileName}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * The per-OPD results, narrow enough for 320 px: Kode OPD, status, Jumlah, Galat; the rest is in `Rekap OPD`.
 * Headed by «n dari m OPD mengirim», with a filter (all / sent / not sent / needs fixing; issue 25).
 */
function ResultTable({ rows: all, t }: { rows: readonly ConsolidationRow[]; t: Translate }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const filterId = useId();
  const [filter, setFilter] = useState<ResultFilter>('all');
  const tally = sentTally(all);
  const counts = filterCounts(all);
  const rows = all.filter((r) => passes(r, filter));
  return (
    <section className={layout.stack} aria-labelledby="results-heading">
      <h2 id="results-heading" className={layout.subheading}>
        {t('konsolidasi.results')}
      </h2>
      <Text weight="semibold" data-testid="results-tally">
        {t('konsolidasi.sent', tally)}
      </Text>
      <Field label={t('konsolidasi.show')} orientation="horizontal">
        <Select
          id={filterId}
          size="small"
          value={filter}
          data-testid="results-filter"
          onChange={(_, data) => setFilter(data.value as ResultFilter)}
        >
          {RESULT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`konsolidasi.filter.${f}`, { n: counts[f] })}
            </option>
          ))}
        </Select>
      </Field>
      {rows.length === 0 ? <Text>{t('konsolidasi.filterEmpty')}</Text> : null}
      <Table size="small" className={styles.table} aria-labelledby="results-heading" data-testid="results">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>{t('konsolidasi.col.kode')}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.statusCol)}>
              {t('konsolidasi.col.status')}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.numberCol)}>
              {t('konsolidasi.col.jumlah')}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.numberCol)}>
              {t('konsolidasi.col.galat')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => {
            // The code where there is one (the full name for screen readers and on hover); else the name or the file.
            const shown = r.code || r.opd || r.file;
            const full = [r.opd, r.file].filter((x) => x && x !== shown).join(' — ');
            return (
              <TableRow
                key={`${i}-${r.file}-${r.opd}`}
                className={r.total ? styles.total : undefined}
                data-file={r.file || undefined}
              >
                <TableCell className={mergeClasses(styles.cell, styles.codeCol)} title={full || undefined}>
                  {shown}
                  {full ? <span className={layout.visuallyHidden}>{`, ${full}`}</span> : null}
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.statusCol)}>
                  {/* Total Kota's Status («n dari m OPD mengirim») heads the table (results-tally): in this nowrap column it widened the table past 320 px. */}
                  {r.status && !r.total ? (
                    <Badge
                      appearance="tint"
                      size="small"
                      className={styles.badge}
                      color={STATUS_COLOR[r.status] ?? 'informative'}
                    >
                      {r.status}
                    </Badge>
                  ) : null}
                  {!r.total && (r.stamp || r.schedule.length) ? (
                    <div className={styles.signoff} data-testid="row-signoff">
                      {r.stamp ? <span title={t('konsolidasi.col.tingkat')}>{r.stamp}</span> : null}
                      {r.schedule.map((s) => (
                        <span key={s.level}>{`${s.level}: ${s.word}`}</span>
                      ))}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.numberCol)}>
                  {r.innovations ?? ''}
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.numberCol)}>
                  {r.errors ?? ''}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Text size={200} className={styles.meta}>
        {t('konsolidasi.resultsNote')}
      </Text>
    </section>
  );
}
