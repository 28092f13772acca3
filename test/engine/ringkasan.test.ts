/**
 * `Ringkasan` and `Tindak Lanjut` (docs/spec/consolidation.md, added 2026-12-07): the cover's
 * every figure equals the same figure counted independently from the sheet that shows it, and the
 * OPDs to call are exactly those the spec lists, with the reason in words and the contact.
 */
import {
  SummaryCell,
  SummaryTable,
  consolidate,
  sheetTables,
  tableRecords,
} from '../../src/engine/consolidate';
import { shareText } from '../../src/engine/design/numberText';
import { topRules } from '../../src/engine/summary/sheets/ringkasan';
import { SUMMARY_SHEET_NAMES } from '../../src/engine/summary/sheets';
import { REF, SCHEDULE_INPUTS, file } from '../helpers/signoffSummary';
import { TODAY, buildGrid, validRow } from '../helpers/workbook';
import { validateWorkbook } from '../../src/engine/validate';

const summary = consolidate(SCHEDULE_INPUTS, { reference: REF, today: TODAY });
const records = (sheet: string, table = 0) => tableRecords(sheetTables(summary, sheet)[table]);
const cover = sheetTables(summary, 'Ringkasan')[0];
/** The cover's line of `label`: [figure, note]. */
function line(label: string): [SummaryCell, SummaryCell] {
  const row = cover.rows.find((r) => r.cells[0] === label);
  if (!row) throw new Error(`no Ringkasan line «${label}»: ${cover.rows.map((r) => r.cells[0]).join(' | ')}`);
  return [row.cells[1], row.cells[2]];
}
const figure = (label: string) => line(label)[0];
const count = (rows: Record<string, SummaryCell>[], pick: (r: Record<string, SummaryCell>) => boolean) =>
  rows.filter(pick).length;

describe('Ringkasan', () => {
  it('is the first sheet, Tindak Lanjut the second', () => {
    expect(summary.sheets.map((s) => s.name).slice(0, 3)).toEqual([
      'Ringkasan',
      'Tindak Lanjut',
      'Rekap OPD',
    ]);
    expect(SUMMARY_SHEET_NAMES.slice(0, 2)).toEqual(['Ringkasan', 'Tindak Lanjut']);
  });

  it('opens on the title, the date in Indonesian long form, the reference and how the year was chosen', () => {
    expect(cover.columns).toEqual(['Ringkasan', 'Jumlah', 'Keterangan']);
    expect(cover.rows[0]).toEqual({
      cells: ['Rekapitulasi Inovasi Daerah Kota Bitung Tahun 2026', null, null],
      total: true,
    });
    expect(line('Tanggal')).toEqual([null, '28 November 2026']);
    const info = Object.fromEntries(records('Info Konsolidasi').map((r) => [r.Keterangan, r.Nilai]));
    expect(line('Tahun konsolidasi')).toEqual([info['Tahun Konsolidasi'], info['Tahun Dipilih']]);
    expect(line('Referensi dan alat')[1]).toContain(String(info.Referensi));
  });

  it('who sent, who did not, and the files set aside equal Rekap OPD and Info Konsolidasi', () => {
    const rekap = records('Rekap OPD');
    const opdRows = rekap.slice(0, REF.opd.length);
    const sent = count(opdRows, (r) => r.Status === 'Siap' || r.Status === 'Perlu Perbaikan');
    expect(line('OPD mengirim (berkasnya dihitung)')).toEqual([
      sent,
      `${sent} dari ${REF.opd.length} OPD (${shareText(sent, REF.opd.length, 'id')})`,
    ]);
    const totals = Object.fromEntries(records('Info Konsolidasi', 1).map((r) => [r.Ukuran, r['Total Kota']]));
    expect(figure('OPD mengirim (berkasnya dihitung)')).toBe(totals.Berkas);
    // Sent but not counted (DISKAN: another year): every OPD is in exactly one of the three lines.
    const notCounted = opdRows.filter((r) => r.Status === 'Konflik' || r.Status === 'Berkas Tidak Dihitung');
    expect(line('OPD mengirim, berkasnya tidak dihitung')).toEqual([
      notCounted.length,
      'DKP (lihat Tindak Lanjut)', // Dinas Perikanan's shortest reference name
    ]);
    expect(sent + notCounted.length + Number(figure('OPD belum mengirim'))).toBe(REF.opd.length);
    const silent = opdRows.filter((r) => r.Status === 'Belum Mengirim');
    expect(figure('OPD belum mengirim')).toBe(silent.length);
    // Shortest reference names: Dinas Pekerjaan Umum dan Penataan Ruang reads «Dinas PU».
    const names = String(line('OPD belum mengirim')[1]).split(', ');
    expect(names).toHaveLength(silent.length);
    expect(names).toContain('Dinas PU');
    // Files set aside: every Info Konsolidasi file that does not count, by status.
    const files = records('Info Konsolidasi', 2);
    const aside = files.filter((r) => r.Status !== 'Siap' && r.Status !== 'Perlu Perbaikan');
    expect(figure('Berkas tidak dihitung')).toBe(aside.length);
    expect(line('– Tahun Lain')).toEqual([1, 'diskan-2025.xlsx']);
    expect(line('– Tidak Terbaca')).toEqual([1, 'rusak.xlsx']);
    expect(cover.rows.some((r) => r.cells[0] === '– Diganti')).toBe(false); // none: no line
  });

  it('the innovations equal Daftar Inovasi counted by hand', () => {
    const daftar = records('Daftar Inovasi');
    expect(figure('Jumlah inovasi')).toBe(daftar.length);
    for (const t of ['Inisiatif', 'Uji Coba', 'Penerapan'])
      expect([t, figure(t)]).toEqual([t, count(daftar, (r) => r['Tahapan Inovasi'] === t)]);
    expect(figure('Digital')).toBe(count(daftar, (r) => r['Jenis Inovasi'] === 'Digital'));
    expect(figure('Inovasi pelayanan publik')).toBe(
      count(daftar, (r) => r['Bentuk Inovasi'] === 'Inovasi Pelayanan Publik'),
    );
    expect(line('Penerapan')[1]).toBe(
      `${shareText(Number(figure('Penerapan')), daftar.length, 'id')} dari jumlah inovasi`,
    );
  });

  it('RPJMD coverage equals Program RPJMD: programs with an innovation of all, and the rows outside', () => {
    const programs = records('Program RPJMD');
    const outside = programs.find((r) => r['Nama Program'] === 'Di luar RPJMD')!;
    const planned = programs.filter((r) => r !== outside);
    const covered = count(planned, (r) => Number(r['Jumlah Inovasi']) > 0);
    expect(covered).toBeGreaterThan(0);
    expect(line('Program RPJMD yang punya inovasi')).toEqual([
      covered,
      `${covered} dari ${planned.length} program (${shareText(covered, planned.length, 'id')})`,
    ]);
    expect(figure('Inovasi di luar RPJMD')).toBe(outside['Jumlah Inovasi']);
  });

  it('findings equal Temuan (counted files): open errors, open warnings, accepted, and the five most frequent rules', () => {
    const temuan = records('Temuan').filter((r) => r['Status Berkas'] === 'Dihitung');
    expect(figure('Galat terbuka')).toBe(count(temuan, (r) => r.Status === 'Terbuka' && r.Jenis === 'Galat'));
    expect(figure('Peringatan terbuka')).toBe(
      count(temuan, (r) => r.Status === 'Terbuka' && r.Jenis === 'Peringatan'),
    );
    expect(figure('Temuan diterima')).toBe(count(temuan, (r) => r.Status === 'Diterima'));
    const rules = cover.rows.filter((r) => String(r.cells[0]).startsWith('Aturan '));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.length).toBeLessThanOrEqual(5);
    for (const r of rules) {
      const id = String(r.cells[0]).slice('Aturan '.length);
      expect([id, r.cells[1]]).toEqual([
        id,
        count(temuan, (f) => f.Aturan === id && f.Status === 'Terbuka' && f.Jenis !== 'Info'),
      ]);
      expect(r.cells[2]).not.toMatch(/[()]/); // the condition's gist, without its details
    }
  });

  it('the five most frequent: most first, ties by rule id, Info and accepted findings left out', () => {
    const row = (aturan: string, status = 'Terbuka', jenis = 'Galat', berkas = 'Dihitung'): SummaryCell[] => [
      berkas,
      aturan,
      jenis,
      status,
    ];
    const table: SummaryTable = {
      columns: ['Status Berkas', 'Aturan', 'Jenis', 'Status'],
      rows: [
        row('FMT-02'),
        row('FMT-01'),
        row('FMT-01'),
        row('SOP-01'),
        row('LOG-01'),
        row('RPJ-01'),
        row('STR-03', 'Terbuka', 'Peringatan'),
        row('SOP-09', 'Diterima'),
        row('KON-02', 'Terbuka', 'Info'),
        row('FMT-05', 'Terbuka', 'Galat', 'Diganti'),
      ].map((cells) => ({ cells })),
    };
    expect(topRules(table)).toEqual([
      ['FMT-01', 2],
      ['FMT-02', 1],
      ['LOG-01', 1],
      ['RPJ-01', 1],
      ['SOP-01', 1],
    ]);
  });

  it('sign-off per level with a deadline says what Total Kota says', () => {
    const total = records('Rekap OPD').at(-1)!;
    expect(line('Disetujui Kepala OPD')).toEqual([null, total['Tepat Waktu Disetujui Kepala OPD']]);
    expect(line('Diverifikasi')).toEqual([null, total['Tepat Waktu Diverifikasi']]);
    // A level without a deadline has no line.
    expect(cover.rows.some((r) => r.cells[0] === 'Disusun')).toBe(false);
  });

  it('replication and IID readiness equal Katalog Replikasi, Total Kota and Kesiapan IID', () => {
    const total = records('Rekap OPD').at(-1)!;
    expect(figure('Katalog replikasi')).toBe(sheetTables(summary, 'Katalog Replikasi')[0].rows.length);
    expect(figure('Replikasi')).toBe(total['Replikasi Dilakukan']);
    expect(figure('Replikasi di dalam kota (sumber OPD lain)')).toBe(total['Inovasinya Direplikasi']);
    // Kesiapan IID's innovation rows: those before its total row.
    const table = sheetTables(summary, 'Kesiapan IID')[0];
    const innovations = tableRecords({ ...table, rows: table.rows.filter((r) => !r.total) });
    const ready = count(innovations, (r) => r.Siap === 'Ya');
    expect(innovations.length).toBe(figure('Jumlah inovasi'));
    expect(line('Inovasi siap IID (terverifikasi)')[1]).toBe(`${ready} dari ${innovations.length}`);
  });

  it('percentages to one decimal, rounded half up', () => {
    expect(shareText(4, 37, 'id')).toBe('10,8%');
    expect(shareText(217, 2000, 'id')).toBe('10,9%'); // 10.85 exactly: half up
    expect(shareText(1, 8, 'en')).toBe('12.5%');
    expect(shareText(0, 0, 'id')).toBe('0,0%');
  });

  it('in English output, the words and the date are English', () => {
    const en = consolidate(SCHEDULE_INPUTS, { reference: REF, today: TODAY, lang: 'en' });
    const t = sheetTables(en, 'Ringkasan')[0];
    expect(t.columns).toEqual(['Ringkasan', 'Jumlah', 'Keterangan']); // row 1: how the add-in knows its sheet
    expect(t.rows[0].cells[0]).toBe('Regional Innovation Summary Kota Bitung 2026');
    expect(t.rows.find((r) => r.cells[0] === 'Date')?.cells[2]).toBe('28 November 2026');
  });
});

describe('Tindak Lanjut', () => {
  const chase = records('Tindak Lanjut');
  const byCode = (code: string) => chase.find((r) => r['Kode OPD'] === code);

  it('one row per OPD to call: those that sent something first, then those that sent nothing, each in Rekap OPD order', () => {
    const rekap = records('Rekap OPD').slice(0, REF.opd.length);
    // Every OPD of the sample's schedule except Dinas Kesehatan (on time, no open error) needs a call.
    const others = rekap.filter((r) => r['Kode OPD'] !== 'DINKES');
    const code = (r: Record<string, SummaryCell>) => r['Kode OPD'];
    expect(chase.map(code)).toEqual([
      ...others.filter((r) => r.Status !== 'Belum Mengirim').map(code),
      ...others.filter((r) => r.Status === 'Belum Mengirim').map(code),
    ]);
    expect(chase.slice(0, 5).map(code)).toEqual(['DINSOS', 'DLH', 'DISHUB', 'KOMINFO', 'DISKAN']);
    expect(chase.map((r) => r.No)).toEqual(chase.map((_, i) => i + 1));
    expect(byCode('DINKES')).toBeUndefined();
  });

  it('the reason in words', () => {
    expect(byCode('DPMPTSP')!.Alasan).toBe(
      'Belum mengirim berkas tahun 2026; tenggat: Disetujui Kepala OPD lewat 242 hari',
    );
    expect(byCode('DISKAN')!).toMatchObject({
      Status: 'Berkas Tidak Dihitung',
      Alasan:
        'Berkas tidak dihitung: diskan-2025.xlsx (Tahun Lain, tahun 2025); tenggat: Disetujui Kepala OPD lewat 242 hari',
    });
    expect(byCode('DINSOS')!.Alasan).toBe('Disetujui Kepala OPD: Terlambat 3 hari (batas 31 Maret 2026)');
    expect(byCode('DISHUB')!.Alasan).toBe(
      'Dikembalikan untuk perbaikan di tingkat Disetujui Kepala OPD oleh Nama pada 21 Maret 2026 (KON-07): Perbaiki; ' +
        'Disetujui Kepala OPD: Lewat 242 hari (batas 31 Maret 2026)',
    );
    // Stamped, then edited: the chain must be stamped again.
    expect(byCode('KOMINFO')!.Alasan).toMatch(
      /^Isi berubah sesudah distempel: stempel ulang berjenjang \(KON-04\); Disetujui Kepala OPD: Lewat 242 hari/,
    );
  });

  it('the contact from the OPD’s latest Identitas, even when its file does not count; none when nothing was read', () => {
    expect(byCode('DINSOS')).toMatchObject({
      'Penanggung Jawab': 'dr. Joice Rumondor',
      Email: 'dinkes@bitungkota.go.id',
      Telepon: '(0438) 21045',
    });
    expect(byCode('DISKAN')!['Penanggung Jawab']).toBe('dr. Joice Rumondor');
    expect(byCode('DPMPTSP')).toMatchObject({ 'Penanggung Jawab': null, Email: null, Telepon: null });
  });

  it('a conflict names its files; open errors are counted', () => {
    const a = file('dinsos-a.xlsx', 'Dinas Sosial', () => []);
    const b = file('dinsos-b.xlsx', 'Dinas Sosial', () => []);
    const s = consolidate([a, b], { reference: REF, today: TODAY });
    const row = tableRecords(sheetTables(s, 'Tindak Lanjut')[0]).find((r) => r['Kode OPD'] === 'DINSOS')!;
    expect(row.Status).toBe('Konflik');
    expect(row.Alasan).toMatch(
      /^Berkas bertentangan, tidak satu pun dihitung \(KON-08\): dinsos-a\.xlsx \(Berkas Konflik, tahun 2026\), dinsos-b\.xlsx \(Berkas Konflik, tahun 2026\); kirim satu berkas yang benar/,
    );
  });
});

describe('leads a planner needs', () => {
  it('a file named for one OPD under another’s Identitas (KON-09) is a lead on the named OPD’s row', () => {
    const s = consolidate([file('dispora-2026.xlsx', 'Dinas Sosial', () => [])], {
      reference: REF,
      today: TODAY,
    });
    const rows = tableRecords(sheetTables(s, 'Tindak Lanjut')[0]);
    expect(rows.find((r) => r['Kode OPD'] === 'DISPORA')?.Alasan).toContain(
      'Berkas dispora-2026.xlsx bernama OPD ini, tetapi Identitas-nya menyebut Dinas Sosial (KON-09)',
    );
  });

  it('innovations whose stage is empty or misspelt get a line of their own, so the stages add up', () => {
    const misspelt = validateWorkbook(
      buildGrid({
        rows: [validRow({ 'Tahapan Inovasi': 'Penerapn' }), validRow({ 'Nama Inovasi': 'Kedua' })],
      }),
      'dinkes.xlsx',
      { reference: REF, today: TODAY },
    );
    const s = consolidate([{ file: 'dinkes.xlsx', size: 1, sha256: null, validation: misspelt }], {
      reference: REF,
      today: TODAY,
    });
    const rows = sheetTables(s, 'Ringkasan')[0].rows.map((r) => r.cells);
    const at = (label: string) => rows.find((c) => c[0] === label)?.[1];
    expect(at('Jumlah inovasi')).toBe(2);
    expect(Number(at('Inisiatif')) + Number(at('Uji Coba')) + Number(at('Penerapan'))).toBe(1);
    expect(at('Tahapan kosong atau tidak sah')).toBe(1);
    // Quiet when every stage is valid.
    expect(cover.rows.some((r) => r.cells[0] === 'Tahapan kosong atau tidak sah')).toBe(false);
  });
});

describe('Ringkasan in English output', () => {
  it('the sign-off levels, their words and the replication lines in English too', () => {
    const en = consolidate(SCHEDULE_INPUTS, { reference: REF, today: TODAY, lang: 'en' });
    const rows = sheetTables(en, 'Ringkasan')[0].rows.map((r) => r.cells);
    const at = (label: string) => rows.find((c) => c[0] === label);
    expect(at('Approved by head of agency')?.[2]).toMatch(
      /^\d+ on time · \d+ late · \d+ overdue · \d+ not yet due$/,
    );
    expect(at('Replication catalogue')?.[1]).toBe(sheetTables(en, 'Katalog Replikasi')[0].rows.length);
    expect(at('Total innovations')?.[1]).toBe(sheetTables(en, 'Daftar Inovasi')[0].rows.length);
  });
});
