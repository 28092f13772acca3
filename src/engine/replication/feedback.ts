/**
 * The replication section of an OPD's feedback workbook (docs/spec/feedback.md §5,
 * docs/spec/replication.md): which of its innovations other OPDs replicated, and up to 10 running
 * public-service innovations of other OPDs it could replicate, each with the source OPD's contact.
 * Plain data in the feedback's language; the feedback document lays it out.
 */
import type { DocumentBlock, DocumentSheet } from '../document';
import type { PrintContext } from '../printout';
import type { SummaryCell } from '../summary/model';
import type { Lang } from '../messages';
import { okValueOf } from '../parse';
import { ReferenceIndex } from '../reference/index';
import { opdOf } from './build';
import { ReplicationResult } from './model';
import { replicableFor, replicatedOf } from './views';

/** At most this many innovations are offered for replication (docs/spec/replication.md). */
export const REPLICABLE_LIMIT = 10;

/** The replication sheet of a feedback workbook, per language (after the findings sheet). */
export const FEEDBACK_REPLICATION_SHEETS = { id: 'Replikasi', en: 'Replication' } as const;

const WORDS = {
  id: {
    title: 'Replikasi',
    note: 'Catatan',
    replicated: 'Inovasi OPD ini yang direplikasi OPD lain',
    replicatedColumns: ['Nama Inovasi', 'Direplikasi Oleh', 'Jumlah Replikasi'],
    replicatedNone: 'Belum ada inovasi OPD ini yang tercatat direplikasi OPD lain.',
    opdOnly: (n: number, by: string) =>
      `${n} replikasi lain menyebut OPD ini sebagai sumber tanpa nama inovasinya: ${by}.`,
    replicable: 'Inovasi yang dapat direplikasi',
    replicableNote:
      'Inovasi pelayanan publik OPD lain yang sudah diterapkan; bidang urusan OPD ini lebih dahulu, lalu penerima manfaat terbanyak. Hubungi penanggung jawabnya untuk mereplikasi.',
    replicableColumns: [
      'Nama Inovasi',
      'Perangkat Daerah',
      'Bidang Urusan',
      'Penerima Manfaat',
      'Tautan Data Dukung',
      'Penanggung Jawab',
      'Email',
      'Telepon',
    ],
    replicableNone:
      'Belum ada inovasi pelayanan publik OPD lain yang sudah diterapkan dan belum direplikasi OPD ini.',
  },
  en: {
    title: 'Replication',
    note: 'Note',
    replicated: "This agency's innovations replicated by other agencies",
    replicatedColumns: ['Innovation', 'Replicated by', 'Replications'],
    replicatedNone: "No other agency is recorded as replicating this agency's innovations yet.",
    opdOnly: (n: number, by: string) =>
      `${n} other replication${n === 1 ? '' : 's'} name this agency as the source without naming the innovation: ${by}.`,
    replicable: 'Innovations this agency could replicate',
    replicableNote:
      "Other agencies' public-service innovations in operation; this agency's fields first, then the most beneficiaries. Contact the person in charge to replicate one.",
    replicableColumns: [
      'Innovation',
      'Agency',
      'Field (bidang urusan)',
      'Beneficiaries',
      'Supporting data',
      'Person in charge',
      'Email',
      'Telephone',
    ],
    replicableNone:
      'No public-service innovation of another agency in operation that this agency has not replicated yet.',
  },
} as const;

export interface FeedbackTable {
  readonly title: string;
  readonly note: string | null;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SummaryCell[])[];
  /** Shown instead of rows when there is none. */
  readonly empty: string;
}

export interface ReplicationFeedback {
  readonly title: string;
  readonly replicated: FeedbackTable;
  readonly replicable: FeedbackTable;
}

/** The replication section for the counting file `file` (null when it is not a counting file). */
export function replicationFeedback(
  result: ReplicationResult,
  file: string,
  lang: Lang,
): ReplicationFeedback | null {
  const fileIndex = result.files.findIndex((f) => f.file === file);
  if (fileIndex < 0) return null;
  const w = WORDS[lang];
  const opd = opdOf(result.files[fileIndex], fileIndex);
  const index = ReferenceIndex.of(result.reference);

  const mine = replicatedOf(result, opd.key);
  const by = [...new Set(mine.opdOnly.map((r) => r.innovation.opd.nama))].join(', ');
  const replicated: FeedbackTable = {
    title: w.replicated,
    note: mine.opdOnly.length ? w.opdOnly(mine.opdOnly.length, by) : null,
    columns: w.replicatedColumns,
    rows: mine.innovations.map((x) => [x.innovation.nama, x.by.join('; '), x.count]),
    empty: w.replicatedNone,
  };

  const list = replicableFor(result, opd.key, opd.opd?.bidang ?? [], REPLICABLE_LIMIT);
  const replicable: FeedbackTable = {
    title: w.replicable,
    note: w.replicableNote,
    columns: w.replicableColumns,
    rows: list.map((x) => {
      const urusan = okValueOf(x.innovation.row, 'urusan');
      return [
        x.innovation.nama,
        x.innovation.opd.nama,
        urusan === null ? null : (index.bidangByCode(String(urusan))?.nama ?? String(urusan)),
        x.penerimaManfaat,
        x.tautan,
        x.contact.nama,
        x.contact.email,
        x.contact.telepon,
      ];
    }),
    empty: w.replicableNone,
  };
  return { title: w.title, replicated, replicable };
}

/** Column widths (characters) of the replication sheet: both tables share them; long texts wrap. */
const WIDTHS = [26, 22, 18, 10, 24, 16, 20, 12]; // 148 characters: one A4 landscape page wide at a readable scale (≥ 70 %)
// Every column wraps, so every cell of a row is top-aligned with the longest beside it.
const WRAP = WIDTHS.map(() => true);

/**
 * The feedback workbook's replication sheet (docs/spec/feedback.md §5): a title naming the OPD,
 * its innovations others replicated, then the innovations it could replicate with their contacts.
 */
export function replicationDocumentSheet(
  section: ReplicationFeedback,
  who: string,
  context: PrintContext,
): DocumentSheet {
  const w = WORDS[context.lang];
  const sheet = FEEDBACK_REPLICATION_SHEETS[context.lang];
  const table = (t: FeedbackTable): DocumentBlock[] => [
    { kind: 'title', text: t.title },
    ...(t.note ? [{ kind: 'fields', rows: [[w.note, t.note]] } as const] : []),
    {
      kind: 'table',
      columns: t.columns,
      rows: t.rows,
      wrap: WRAP.slice(0, t.columns.length),
      emptyNote: t.empty,
    },
  ];
  return {
    name: sheet,
    blocks: [
      { kind: 'title', text: `${section.title}: ${who}` },
      { kind: 'gap', rows: 1 },
      ...table(section.replicated),
      { kind: 'gap', rows: 2 },
      ...table(section.replicable),
    ],
    widths: WIDTHS,
    print: { title: `${sheet} — ${who}`, context },
  };
}
