/**
 * `Ringkasan` (docs/spec/consolidation.md, added 2026-12-07): the summary's first sheet, the page a
 * head of Bappeda reads — the title, the date, how the year was chosen, who sent, what was set
 * aside, the innovations, RPJMD coverage, findings, sign-off, replication and IID readiness, on
 * one A4 portrait page.
 *
 * Every figure is read from the sheet that shows it (`readsAll`: built after the others), so the
 * cover cannot disagree with `Rekap OPD`, `Program RPJMD`, `Temuan`, `Katalog Replikasi` or
 * `Kesiapan IID`; test/engine/ringkasan.test.ts compares them all.
 */
import { SET_ASIDE_ORDER, STANDING_WORD, consolidationYearText } from '../../consolidation/selection';
import { shareText } from '../../design/numberText';
import { longDate } from '../../isoDate';
import { Lang } from '../../messages';
import { printSetup } from '../../printout';
import { referenceId } from '../../reference/load';
import { replicationSummaryLines } from '../../replication';
import { RULE_BY_ID } from '../../rules/registry';
import { TOOL_NAME, TOOL_VERSION } from '../../version';
import { Reference } from '../../reference/model';
import { SummaryCell, SummaryRow, SummarySource, SummaryTable, tableRecords } from '../model';
import { SummarySheetDef } from '../sheet';
import { ringkasanIidLines, SHEET_KESIAPAN_IID } from './kesiapanIid';
import { CAKUPAN, DI_LUAR_RPJMD, SHEET_PROGRAM_RPJMD } from './programRpjmd';
import {
  BELUM_MENGIRIM,
  BERKAS_TIDAK_DIHITUNG,
  KONFLIK,
  REKAP_PERSETUJUAN_COLUMNS,
  SHEET_REKAP_OPD,
  rekapTotalWordEn,
  scheduleColumn,
  sentCounts,
} from './rekapOpd';
import { FINDING_STATUS_WORD, SEVERITY_WORD, SHEET_TEMUAN_KOTA } from './temuan';

export const SHEET_RINGKASAN = 'Ringkasan';

/** The first table's header: fixed in every language (the add-in recognises its sheet by row 1). */
export const RINGKASAN_COLUMNS = ['Ringkasan', 'Jumlah', 'Keterangan'] as const;

/** The five most frequent rules are listed. */
export const TOP_RULES = 5;

const WORDS = {
  id: {
    judul: (daerah: string, tahun: string) => `Rekapitulasi Inovasi Daerah ${daerah} Tahun ${tahun}`,
    tanggal: 'Tanggal',
    referensi: 'Referensi dan alat',
    tahun: 'Tahun konsolidasi',
    pengiriman: 'Pengiriman berkas',
    mengirim: 'OPD mengirim (berkasnya dihitung)',
    dari: (n: number, m: number, p: string) => `${n} dari ${m} OPD (${p})`,
    belum: 'OPD belum mengirim',
    tidakDihitungOpd: 'OPD mengirim, berkasnya tidak dihitung',
    tidakDihitungKet: (names: string) => `${names} (lihat Tindak Lanjut)`,
    disisihkan: 'Berkas tidak dihitung',
    disisihkanKet: 'rincian di bawah dan di Rekap OPD',
    status: (word: string) => `– ${word}`,
    inovasi: 'Inovasi',
    jumlah: 'Jumlah inovasi',
    dariJumlah: (p: string) => `${p} dari jumlah inovasi`,
    tanpaTahapan: 'Tahapan kosong atau tidak sah',
    tanpaTahapanKet: 'lihat Temuan',
    digital: 'Digital',
    publik: 'Inovasi pelayanan publik',
    rpjmd: 'RPJMD',
    program: 'Program RPJMD yang punya inovasi',
    programDari: (a: number, b: number, p: string) => `${a} dari ${b} program (${p})`,
    luar: 'Inovasi di luar RPJMD',
    temuan: 'Temuan (berkas yang dihitung)',
    galat: 'Galat terbuka',
    peringatan: 'Peringatan terbuka',
    diterima: 'Temuan diterima',
    diterimaKet: 'diterima pemeriksa dengan alasan',
    tersering: 'Lima aturan tersering',
    terseringKet: 'galat dan peringatan terbuka',
    aturan: (rule: string) => `Aturan ${rule}`,
    persetujuan: 'Persetujuan per tingkat',
    persetujuanKet: 'terlambat: distempel sesudah batas; lewat: batas lewat, belum distempel',
    tanpaJadwal: 'Referensi tanpa jadwal persetujuan',
    replikasi: 'Replikasi inovasi',
    iid: 'Kesiapan IID',
  },
  en: {
    judul: (daerah: string, tahun: string) => `Regional Innovation Summary ${daerah} ${tahun}`,
    tanggal: 'Date',
    referensi: 'Reference and tool',
    tahun: 'Consolidation year',
    pengiriman: 'Submissions',
    mengirim: 'Agencies that submitted (counted)',
    dari: (n: number, m: number, p: string) => `${n} of ${m} agencies (${p})`,
    belum: 'Agencies that did not submit',
    tidakDihitungOpd: 'Agencies whose files were not counted',
    tidakDihitungKet: (names: string) => `${names} (see Tindak Lanjut)`,
    disisihkan: 'Files not counted',
    disisihkanKet: 'listed below and in Rekap OPD',
    status: (word: string) => `– ${word}`,
    inovasi: 'Innovations',
    jumlah: 'Total innovations',
    dariJumlah: (p: string) => `${p} of all innovations`,
    tanpaTahapan: 'Stage empty or not valid',
    tanpaTahapanKet: 'see Temuan',
    digital: 'Digital',
    publik: 'Public-service innovations',
    rpjmd: 'RPJMD',
    program: 'RPJMD programmes with an innovation',
    programDari: (a: number, b: number, p: string) => `${a} of ${b} programmes (${p})`,
    luar: 'Innovations outside the RPJMD',
    temuan: 'Findings (counted files)',
    galat: 'Open errors',
    peringatan: 'Open warnings',
    diterima: 'Accepted findings',
    diterimaKet: 'accepted by a reviewer with a reason',
    tersering: 'The five most frequent rules',
    terseringKet: 'open errors and warnings',
    aturan: (rule: string) => `Rule ${rule}`,
    persetujuan: 'Sign-off per level',
    persetujuanKet: 'late: stamped after the deadline; overdue: deadline passed, not stamped',
    tanpaJadwal: 'The reference has no sign-off schedule',
    replikasi: 'Replication of innovations',
    iid: 'IID readiness',
  },
} as const;

const num = (v: SummaryCell | undefined): number => (typeof v === 'number' ? v : 0);

/** The shortest of an OPD's reference names (`Dinas Kesehatan` → `Dinkes`): a list of them fits the page; `Tindak Lanjut` gives the full names. */
function shortNames(reference: Reference): (nama: string) => string {
  const byName = new Map(reference.opd.map((o) => [o.nama, o] as const));
  return (nama) => {
    const opd = byName.get(nama);
    if (!opd) return nama;
    return [opd.nama, ...opd.alias].reduce((a, b) => (b.trim() && b.length < a.length ? b : a));
  };
}

/** A rule's condition without its parenthesised details: the line a reader needs beside the rule id. */
const ruleGist = (rule: string, lang: Lang): string | null => {
  const condition = RULE_BY_ID.get(rule)?.condition[lang];
  return condition ? condition.replace(/\s*\([^)]*\)/g, '').trim() : null;
};

function buildRingkasan(
  s: SummarySource,
  sheets: ReadonlyMap<string, readonly SummaryTable[]>,
): SummaryTable {
  const w = WORDS[s.lang];
  const lang = s.lang;
  const short = shortNames(s.reference);
  const [rekap, persetujuan] = sheets.get(SHEET_REKAP_OPD)!;
  const rekapRows = tableRecords(rekap);
  const total = rekapRows[rekapRows.length - 1];
  const sent = sentCounts(String(total['Status'])) ?? { n: 0, m: s.reference.opd.length };
  const rows: SummaryRow[] = [];
  const line = (...cells: SummaryCell[]) => rows.push({ cells });
  // A section's title: a bold row (one table, no blank rows: the page has room for every line).
  const heading = (title: string, note: string | null = null) =>
    rows.push({ cells: [title, null, note], total: true });

  heading(w.judul(s.reference.daerah.nama, s.tahun.tahun === null ? '–' : String(s.tahun.tahun)));
  line(w.tanggal, null, longDate(s.today, lang));
  line(w.referensi, null, `${referenceId(s.reference)} · ${TOOL_NAME} ${TOOL_VERSION}`);
  line(w.tahun, s.tahun.tahun, consolidationYearText(s.tahun, lang));

  // Who sent, who did not, which files were set aside (Rekap OPD's OPD rows, then its file rows).
  heading(w.pengiriman);
  const opdRows = rekapRows.slice(0, s.reference.opd.length);
  const notSent = opdRows
    .filter((r) => r['Status'] === BELUM_MENGIRIM)
    .map((r) => short(String(r['Perangkat Daerah'])));
  // Sent, but no file of theirs counts (a conflict, another year…): with the two above, every OPD once.
  const notCounted = opdRows
    .filter((r) => r['Status'] === KONFLIK || r['Status'] === BERKAS_TIDAK_DIHITUNG)
    .map((r) => short(String(r['Perangkat Daerah'])));
  const fileRows = rekapRows.slice(s.reference.opd.length, -1);
  const setAside = SET_ASIDE_ORDER.map((standing) => {
    const word = STANDING_WORD[standing];
    return { word, files: fileRows.filter((r) => r['Status'] === word).map((r) => String(r['Berkas'])) };
  }).filter((x) => x.files.length > 0);
  const setAsideCount = setAside.reduce((n, x) => n + x.files.length, 0);
  line(w.mengirim, sent.n, w.dari(sent.n, sent.m, shareText(sent.n, sent.m, lang)));
  if (notCounted.length)
    line(w.tidakDihitungOpd, notCounted.length, w.tidakDihitungKet(notCounted.join(', ')));
  line(w.belum, notSent.length, notSent.length ? notSent.join(', ') : null);
  line(w.disisihkan, setAsideCount, setAsideCount ? w.disisihkanKet : null);
  for (const x of setAside) line(w.status(x.word), x.files.length, x.files.join(', '));

  // Innovations: Total Kota of Rekap OPD.
  heading(w.inovasi);
  const jumlah = num(total['Jumlah Inovasi']);
  const share = (v: number) => w.dariJumlah(shareText(v, jumlah, lang));
  line(w.jumlah, jumlah, null);
  const stages = ['Inisiatif', 'Uji Coba', 'Penerapan'] as const;
  for (const t of stages) line(t, num(total[t]), share(num(total[t])));
  // A row whose stage is empty or misspelt counts in no stage: said, so the stages add up.
  const unstaged = jumlah - stages.reduce((n, t) => n + num(total[t]), 0);
  if (unstaged > 0) line(w.tanpaTahapan, unstaged, w.tanpaTahapanKet);
  line(w.digital, num(total['Digital']), share(num(total['Digital'])));
  line(w.publik, num(total['Pelayanan Publik']), share(num(total['Pelayanan Publik'])));

  // RPJMD coverage: Program RPJMD's program rows and its `Di luar RPJMD` row.
  heading(w.rpjmd);
  const programs = tableRecords(sheets.get(SHEET_PROGRAM_RPJMD)![0]);
  const luar = programs.find((r) => r['Nama Program'] === DI_LUAR_RPJMD);
  const planned = programs.filter((r) => r !== luar);
  const covered = planned.filter((r) => r['Cakupan'] === CAKUPAN.ada).length;
  line(w.program, covered, w.programDari(covered, planned.length, shareText(covered, planned.length, lang)));
  line(w.luar, num(luar?.['Jumlah Inovasi']), null);

  // Findings: Total Kota's Galat / Peringatan / Temuan Diterima, and the rules most often open in
  // the same files (Temuan's rows of counted files, open, error or warning).
  heading(w.temuan);
  line(w.galat, num(total['Galat']), null);
  line(w.peringatan, num(total['Peringatan']), null);
  line(w.diterima, num(total['Temuan Diterima']), w.diterimaKet);
  const top = topRules(sheets.get(SHEET_TEMUAN_KOTA)![0]);
  if (top.length) heading(w.tersering, w.terseringKet);
  for (const [rule, n] of top) line(w.aturan(rule), n, ruleGist(rule, lang));

  // Sign-off per level with a deadline: Total Kota's `Tepat Waktu <label>` words over every OPD.
  const scheduled = tableRecords(persetujuan).filter((r) => r['Batas'] !== null);
  heading(w.persetujuan, scheduled.length ? w.persetujuanKet : null);
  if (!scheduled.length) line(w.tanpaJadwal, null, null);
  for (const r of scheduled) {
    const label = String(r[REKAP_PERSETUJUAN_COLUMNS[0]]);
    const words = String(total[scheduleColumn(label)] ?? '');
    const level = s.reference.tingkatPersetujuan.find((l) => l.label === label);
    if (lang === 'en') line(level?.labelEn ?? label, null, rekapTotalWordEn(words) ?? words);
    else line(label, null, words);
  }

  heading(w.replikasi);
  for (const l of replicationSummaryLines(s.replikasi, short, lang)) line(l.label, l.value, l.detail ?? null);

  const iid = sheets.has(SHEET_KESIAPAN_IID) ? ringkasanIidLines(s) : null;
  if (iid) {
    heading(w.iid);
    for (const l of iid) line(l.label, l.figure ?? null, l.value);
  }
  return { columns: RINGKASAN_COLUMNS, rows };
}

/** The rules most often open in counted files (Temuan's rows: `Dihitung`, `Terbuka`, not `Info`), most first, then by id. */
export function topRules(temuan: SummaryTable, limit = TOP_RULES): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of tableRecords(temuan)) {
    if (
      r['Status Berkas'] !== STANDING_WORD.dihitung ||
      r['Status'] !== FINDING_STATUS_WORD.open ||
      r['Jenis'] === SEVERITY_WORD.info
    )
      continue;
    const rule = String(r['Aturan']);
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

export const ringkasanSheet: SummarySheetDef = {
  name: SHEET_RINGKASAN,
  readsAll: true,
  tables: (source, sheets) => [buildRingkasan(source, sheets)],
  // About 100 characters: A4 portrait at the 75 % or so that fits the page's height; labels and lists wrap, top-aligned.
  columns: { widths: [38, 8, 58], wrap: [true, true, true] },
  print: (ctx) => ({
    ...printSetup(SHEET_RINGKASAN, ctx, null),
    orientation: 'portrait',
    fitToWidth: 1,
    fitToHeight: 1,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
  }),
};
