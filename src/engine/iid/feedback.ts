/**
 * The feedback workbook's IID readiness section (docs/spec/feedback.md section 4, docs/spec/iid.md): per
 * innovation its maturity (claimed and verified) and whether it is ready; the missing indicators
 * with the evidence each needs (`bukti` of the reference), wajib first; every evidence row the
 * verifier sent back (`Perlu Perbaikan`) or rejected (`Tidak Sesuai`), with the verifier's note —
 * the *asistensi* loop on paper. Blocks of the generic document (document.ts); the tables' columns
 * are ordered so that long texts fall in the feedback sheet's wide columns.
 */
import type { DocumentBlock } from '../document';
import type { Lang } from '../messages';
import type { SummaryCell } from '../summary/model';
import type { FileEstimate } from './estimate';
import type { Iid } from './model';
import { EV } from './evidence';
import { feedbackReadiness } from './summary';
import { provenCount, sourceNote } from './words';

const WORDS = {
  id: {
    scores: ['Nama Inovasi', 'Kematangan (%)', 'Terverifikasi (%)', 'Indikator Terbukti', 'Siap', 'Kurang'],
    missing: [
      'Indikator yang Kurang',
      'No',
      'Bobot',
      'Wajib',
      'Belum (inovasi)',
      'Sudah (inovasi)',
      'Bukti yang Diperlukan',
      'Inovasi yang Belum',
    ],
    flagged: [
      'Nama Inovasi',
      'Baris',
      'Tingkat',
      'Indikator',
      'Status Verifikasi',
      'Nomor',
      'Catatan Verifikator',
      'Tautan Bukti',
    ],
    yes: 'Ya',
    no: 'Tidak',
    noInnovation: 'Tidak ada inovasi.',
    noneMissing: 'Tidak ada indikator yang kurang.',
    noneFlagged: 'Tidak ada bukti yang dikembalikan atau ditolak verifikator.',
    note: 'Skor adalah perkiraan; penilaian resmi oleh Kemendagri. Siap berarti terverifikasi. Tanpa predikat (berlaku untuk seluruh indeks).',
  },
  en: {
    scores: ['Innovation', 'Maturity (%)', 'Verified (%)', 'Indicators proven', 'Ready', 'Missing'],
    missing: [
      'Missing indicator',
      'No',
      'Weight',
      'Mandatory',
      'Missing (innovations)',
      'Proven (innovations)',
      'Evidence needed',
      'Innovations without it',
    ],
    flagged: [
      'Innovation',
      'Row',
      'Level',
      'Indicator',
      'Verification',
      'Number',
      'Verifier’s note',
      'Evidence link',
    ],
    yes: 'Yes',
    no: 'No',
    noInnovation: 'No innovation.',
    noneMissing: 'No indicator is missing.',
    noneFlagged: 'No evidence was sent back or rejected by the verifier.',
    note: 'Scores are an estimate; the official assessment is the ministry’s. Ready means verified. No predicate band (it applies to the whole index).',
  },
} as const;

/**
 * The section's blocks: its heading (naming the source), a note, and three tables — per innovation
 * its scores; per missing indicator the evidence it needs and the innovations without it; the
 * evidence the verifier sent back or rejected.
 */
export function readinessBlocks(estimate: FileEstimate, iid: Iid, lang: Lang): DocumentBlock[] {
  const w = WORDS[lang];
  const items = feedbackReadiness(estimate, iid);
  const byKode = new Map(iid.indikator.map((i) => [i.kode, i]));
  const scores = items.map((it): SummaryCell[] => [
    it.nama,
    it.estimate.kematangan,
    it.estimate.kematanganTerverifikasi,
    provenCount(it.estimate, iid),
    it.estimate.siap ? w.yes : w.no,
    it.missing.length,
  ]);
  // One row per indicator some innovation lacks (in `kurang` order: wajib first, weight, no), the innovations named:
  // the evidence each needs is said once, not once per innovation.
  const lacking = new Map<string, string[]>();
  for (const it of items)
    for (const m of it.missing) lacking.set(m.kode, [...(lacking.get(m.kode) ?? []), it.nama]);
  const missing = [...lacking.keys()]
    .map((k) => byKode.get(k)!)
    .sort((a, b) => Number(!!b.wajib) - Number(!!a.wajib) || b.bobot - a.bobot || a.no - b.no)
    .map((i): SummaryCell[] => {
      const names = lacking.get(i.kode)!;
      return [
        i.nama,
        i.no,
        i.bobot,
        i.wajib ? w.yes : w.no,
        names.length,
        items.length - names.length,
        i.bukti ?? null,
        names.join('; '),
      ];
    });
  const flagged = items.flatMap((it) =>
    it.flagged.map((f): SummaryCell[] => {
      const row = estimate.bukti.find((b) => b.evidence.row === f.baris)?.evidence;
      const text = (at: number) =>
        row && typeof row.raw[at] === 'string' ? (row.raw[at] as string).trim() || null : null;
      return [
        it.nama,
        f.baris,
        f.tingkat,
        f.indikator,
        f.status,
        text(EV.nomor),
        f.catatan || null,
        text(EV.tautan),
      ];
    }),
  );
  const wrap = (n: number) => new Array<boolean>(n).fill(true);
  return [
    { kind: 'title', text: sourceNote(iid, lang) },
    { kind: 'fields', rows: [[lang === 'id' ? 'Catatan' : 'Note', w.note]] },
    {
      kind: 'table',
      columns: w.scores,
      rows: scores,
      wrap: wrap(w.scores.length),
      emptyNote: w.noInnovation,
    },
    { kind: 'gap', rows: 1 },
    {
      kind: 'table',
      columns: w.missing,
      rows: missing,
      wrap: wrap(w.missing.length),
      emptyNote: w.noneMissing,
    },
    { kind: 'gap', rows: 1 },
    {
      kind: 'table',
      columns: w.flagged,
      rows: flagged,
      wrap: wrap(w.flagged.length),
      emptyNote: w.noneFlagged,
    },
  ];
}
