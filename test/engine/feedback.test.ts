/** Feedback per OPD as plain data (src/engine/feedback.ts): who gets one, what it holds, how it is named. */
import { consolidate, ConsolidationInput } from '../../src/engine/consolidate';
import { documentRows } from '../../src/engine/document';
import { feedbackDocuments, slug } from '../../src/engine/feedback';
import { longDate } from '../../src/engine/isoDate';
import { SARAN } from '../../src/engine/messages/saran';
import { RULE_IDS } from '../../src/engine/rules/registry';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { FileValidation, unreadableFile, validateWorkbook } from '../../src/engine/validate';
import { TODAY, VALID_IDENTITAS, buildGrid, validRow } from '../helpers/workbook';

// An OPD with an ampersand in its name, for the page header's escaping; a file of an OPD outside the reference would not count.
const REF: Reference = {
  ...defaultReference(),
  opd: [
    ...defaultReference().opd,
    { kode: 'REKAAN', nama: 'Dinas Rekaan Élan & Co', alias: [], bidang: ['1.02'] },
  ],
};
const identity = (changes: Record<string, unknown>) =>
  VALID_IDENTITAS.map(([l, v]) => [l, l in changes ? changes[l] : v] as [string, never]);
const input = (file: string, v: FileValidation): ConsolidationInput => ({
  file,
  size: 1,
  sha256: null,
  validation: v,
});
const workbook = (file: string, changes: Record<string, unknown> = {}, rows = [validRow()]) =>
  input(
    file,
    validateWorkbook(buildGrid({ identitas: identity(changes), rows }), file, {
      reference: REF,
      today: TODAY,
    }),
  );

const summary = consolidate(
  [
    workbook('dinkes.xlsx'),
    workbook('dinkes-lama.xlsx', { 'Tanggal Pengisian': '2026-09-01' }),
    workbook('lain.xlsx', { 'Perangkat Daerah': 'Dinas Rekaan Élan & Co' }, [
      validRow({ 'Nama Inovasi': 'Inovasi Rekaan Yang Lain Sekali' }),
    ]),
    input('rusak.xlsx', unreadableFile('rusak.xlsx', 'notXlsx', { id: 'bukan xlsx', en: 'not xlsx' })),
  ],
  { reference: REF, today: TODAY },
);

describe('feedbackDocuments', () => {
  const docs = feedbackDocuments(summary, { region: 'Kota Bitung', lang: 'id' });

  test('one per counted file: not for the superseded or the unreadable one', () => {
    expect(docs.map((d) => d.file)).toEqual(['dinkes.xlsx', 'lain.xlsx']);
    expect(docs.map((d) => d.fileName)).toEqual([
      'umpan-balik-dinkes-2026.xlsx',
      'umpan-balik-rekaan-2026.xlsx',
    ]);
  });

  test("rows are the file's report findings in order, and the winner names the files it replaces", () => {
    for (const d of docs) {
      const report = summary.report.files.find((f) => f.file === d.file)!;
      expect(d.findings).toEqual(report.findings);
      expect(d.rows.flatMap((r) => String(r[r.length - 1]).split(' '))).toEqual(
        report.findings.map((f) => f.id),
      );
      // Every line has a Saran (the finding's hint, else the rule's).
      for (const r of d.rows) expect(String(r[5] ?? '')).not.toBe('');
    }
    const dinkes = Object.fromEntries(docs[0].about);
    expect(dinkes['Berkas yang digantikan']).toBe('dinkes-lama.xlsx');
    expect(dinkes['Perangkat Daerah']).toBe('Dinas Kesehatan');
    expect(dinkes.Referensi).toBe(summary.report.reference);
    expect(Object.fromEntries(docs[1].about)['Berkas yang digantikan']).toBeUndefined();
    // Print: header row repeated, the page header names the OPD.
    expect(docs[0].print.titleRows).toEqual({ first: docs[0].headerRow, last: docs[0].headerRow });
    expect(docs[0].print.header.center).toBe('&"-,Bold"Umpan Balik — Dinas Kesehatan — Kota Bitung — 2026');
    expect(docs[1].print.header.center).toContain('Dinas Rekaan Élan && Co');
  });

  test("a Saran on every line, the rule's when the finding has no hint; the ID hidden and out of the print", () => {
    const bare = validRow({
      'SP Persyaratan': null,
      'SP Prosedur': null,
      'SP Produk Layanan': null,
      'Nama Inovasi': 'Layanan Tanpa Standar Pelayanan',
    });
    const [d] = feedbackDocuments(
      consolidate([workbook('dinkes.xlsx', {}, [bare])], { reference: REF, today: TODAY }),
      { region: 'Kota Bitung', lang: 'id' },
    );
    const [line] = d.rows.filter((r) => r[2] === 'SOP-04');
    expect(line[1]).toBe('Layanan Tanpa Standar Pelayanan');
    expect(line[5]).toBe(SARAN.id['SOP-04']);
    const layout = documentRows(d.sheets[0]);
    expect(layout.hiddenColumns).toEqual([d.columns.length - 1]);
    expect(layout.lastColumn).toBe(d.columns.length - 1);
  });

  test('sign-off and schedule: one row per level with its stamp state, before the signature', () => {
    const sheet = docs[0].sheets[0];
    const titleAt = sheet.blocks.findIndex((b) => b.kind === 'title' && b.text === 'Persetujuan dan Jadwal');
    expect(titleAt).toBeGreaterThan(0);
    const table = sheet.blocks[titleAt + 1];
    if (table.kind !== 'table') throw new Error('no sign-off table');
    expect(table.columns).toEqual(['Tingkat', 'Stempel', 'Waktu', 'Oleh', 'Batas', 'Ketepatan']);
    expect(table.rows.map((r) => r[0])).toEqual(REF.tingkatPersetujuan.map((l) => l.label));
    for (const r of table.rows)
      expect(['Sah', 'Berubah setelah distempel', 'Belum distempel', 'Tidak berurutan']).toContain(r[1]);
    expect(sheet.blocks[sheet.blocks.length - 1].kind).toBe('signature');
  });

  test('every rule has a Saran in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      expect(Object.keys(SARAN[lang]).sort()).toEqual([...RULE_IDS].sort());
      for (const rule of RULE_IDS) expect(SARAN[lang][rule].trim().length).toBeGreaterThan(10);
    }
    // Not the other language's text copied.
    for (const rule of RULE_IDS) expect(SARAN.en[rule]).not.toBe(SARAN.id[rule]);
  });

  test('one line per rule and row, naming the sheet and the innovation (docs/spec/feedback.md, docs/spec/report-and-cli.md)', () => {
    // Row 2: an Uji Coba public-service innovation with no standard component (six SOP-04), and a bad link (FMT-07).
    const bare = validRow({
      'Nama Inovasi': 'Apotek Keliling Pulau Lembeh',
      'Tahapan Inovasi': 'Uji Coba',
      'Tanggal Penerapan': null,
      'Tautan Data Dukung': 'ftp://x',
      'SP Persyaratan': null,
      'SP Prosedur': null,
      'SP Jangka Waktu (hari)': null,
      'SP Biaya/Tarif (Rp)': null,
      'SP Produk Layanan': null,
      'SP Penanganan Pengaduan': null,
    });
    const s = consolidate([workbook('dinkes.xlsx', { 'Tahun Pelaporan': 2031 }, [bare])], {
      reference: REF,
      today: TODAY,
    });
    const [doc] = feedbackDocuments(s, { region: 'Kota Bitung', lang: 'id' });
    expect(doc.columns).toEqual([
      'Sel',
      'Nama Inovasi',
      'Aturan',
      'Jenis',
      'Pesan',
      'Saran',
      'Dasar',
      'Status',
      'ID',
    ]);
    expect(doc.rows.map((r) => r.slice(0, 5))).toEqual([
      [
        null,
        null,
        'KON-04',
        'Peringatan',
        'Berkas belum distempel berjenjang sampai «Disetujui Kepala OPD».',
      ],
      ['Identitas!B2', null, 'RPJ-05', 'Galat', 'Tahun pelaporan 2031 di luar periode RPJMD 2025–2029.'],
      [
        'Inovasi!J2',
        'Apotek Keliling Pulau Lembeh',
        'FMT-01',
        'Galat',
        'Isian «Target Tahun Penerapan» wajib diisi.',
      ],
      [
        'Inovasi!Y2',
        'Apotek Keliling Pulau Lembeh',
        'FMT-07',
        'Galat',
        '«ftp://x» bukan tautan http/https yang sah.',
      ],
      [
        'Inovasi baris 2',
        'Apotek Keliling Pulau Lembeh',
        'SOP-04',
        'Galat',
        '6 komponen standar pelayanan kosong: SP Persyaratan, SP Prosedur, SP Jangka Waktu (hari), SP Biaya/Tarif (Rp), SP Produk Layanan, SP Penanganan Pengaduan.',
      ],
    ]);
    expect(String(doc.rows[4][8]).split(' ')).toHaveLength(6);
    const [en] = feedbackDocuments(s, { region: 'Kota Bitung', lang: 'en' });
    expect(en.rows[4].slice(0, 1)).toEqual(['Inovasi row 2']);
  });

  test('English', () => {
    const [en] = feedbackDocuments(summary, { region: 'Kota Bitung', lang: 'en' });
    expect(en.sheetName).toBe('Feedback');
    expect(en.fileName).toBe('umpan-balik-dinkes-2026.xlsx');
    expect(en.print.footer).toEqual({
      left: `Printed ${longDate(summary.consolidatedAt, 'en')}`,
      center: '',
      right: 'Page &P of &N',
    });
    expect(Object.fromEntries(en.about)['Validation date']).toBe(longDate(summary.report.validatedAt, 'en'));
    expect(Object.fromEntries(en.about).Status).toMatch(/^(Ready|Needs fixing)$/);
  });

  test('slug', () => {
    expect(slug('KEC-MADIDIR')).toBe('kec-madidir');
    expect(slug('  Dinas  Kesehatan / Bitung ')).toBe('dinas-kesehatan-bitung');
    expect(slug('Ñandú')).toBe('nandu');
  });
});
