import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultReference } from '../../src/engine/reference/load';
import { COLUMNS, IDENTITY, TEMPLATE_VERSION } from '../../src/engine/schema';
import { SHEET_DAFTAR, TEMPLATE_ROWS, templateWorkbook, writeTemplate } from '../../src/node/template';
import { setZipTimes, writeSheetsXlsx } from '../../src/node/xlsxWriter';

const ref = defaultReference();
const dinkes = ref.opd.find((o) => o.kode === 'DINKES')!;
const FIXED = new Date(Date.UTC(2026, 2, 1, 8, 0, 0));

let dir: string;
let withOpd: ExcelJS.Workbook;
let blank: ExcelJS.Workbook;
let withOpdBytes: Buffer;

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'template-test-'));
  await writeTemplate(ref, { opd: dinkes, tahun: 2026, date: FIXED }, join(dir, 'dinkes.xlsx'));
  await writeTemplate(ref, { date: FIXED }, join(dir, 'blank.xlsx'));
  withOpdBytes = readFileSync(join(dir, 'dinkes.xlsx'));
  withOpd = await readBack(join(dir, 'dinkes.xlsx'));
  blank = await readBack(join(dir, 'blank.xlsx'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const col = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
const dvAt = (ws: ExcelJS.Worksheet, row: number, key: string) => ws.getCell(row, col(key)).dataValidation;

describe('template workbook', () => {
  it("bounds the name's length by the reference's namaMin/namaMax, as FMT-06 does", async () => {
    const file = join(dir, 'nama-12-80.xlsx');
    await writeTemplate(
      { ...ref, parameter: { ...ref.parameter, namaMin: 12, namaMax: 80 } },
      { date: FIXED, rows: 3 },
      file,
    );
    const wb = await readBack(file);
    const dv = dvAt(wb.getWorksheet('Inovasi')!, 2, 'nama');
    expect(dv).toMatchObject({
      type: 'textLength',
      operator: 'between',
      formulae: [12, 80],
      error: 'Nama inovasi harus 12–80 karakter.',
    });
    expect(dvAt(withOpd.getWorksheet('Inovasi')!, 2, 'nama')).toMatchObject({
      formulae: [5, 200],
      error: 'Nama inovasi harus 5–200 karakter.',
    });
  });

  it('has the sheets Identitas, Inovasi, Data Dukung and Petunjuk IID (the sample has iid) and a hidden _daftar, in that order', () => {
    expect(withOpd.worksheets.map((w) => w.name)).toEqual([
      'Identitas',
      'Inovasi',
      'Data Dukung',
      'Petunjuk IID',
      SHEET_DAFTAR,
    ]);
    expect(withOpd.getWorksheet(SHEET_DAFTAR)!.state).toMatch(/hidden/i);
    expect(withOpd.creator).toBe('inovasi-daerah');
  });

  it('writes every column label in spec order, Status Validasi last and grey', () => {
    const ws = withOpd.getWorksheet('Inovasi')!;
    const labels = COLUMNS.map((_, i) => ws.getCell(1, i + 1).value);
    expect(labels).toEqual(COLUMNS.map((c) => c.label));
    expect(labels[labels.length - 1]).toBe('Status Validasi');
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    const statusFill = ws.getCell(1, COLUMNS.length).fill as ExcelJS.FillPattern;
    expect(statusFill.fgColor?.argb).toBe('FFBFBFBF');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('puts drop-down lists on every enum column with the canonical values', () => {
    const ws = withOpd.getWorksheet('Inovasi')!;
    for (const def of COLUMNS.filter((c) => c.type === 'enum')) {
      for (const row of [2, TEMPLATE_ROWS + 1]) {
        const dv = dvAt(ws, row, def.key);
        expect(dv?.type).toBe('list');
        expect(dv.formulae[0]).toBe(`"${def.options!.map((o) => o.value).join(',')}"`);
        expect(dv.prompt).toBe(def.help);
        expect(dv.error).toBeTruthy();
      }
    }
    expect(dvAt(ws, TEMPLATE_ROWS + 2, 'tahapan')).toBeUndefined();
  });

  it('points the urusan and program drop-downs at the _daftar lists', () => {
    const ws = withOpd.getWorksheet('Inovasi')!;
    const daftar = withOpd.getWorksheet(SHEET_DAFTAR)!;
    const urusan = dvAt(ws, 2, 'urusan');
    expect(urusan.type).toBe('list');
    expect(urusan.formulae[0]).toBe(`'_daftar'!$B$2:$B$${ref.nomenklatur.bidang.length + 1}`);
    const program = dvAt(ws, 2, 'program');
    expect(program.formulae[0]).toBe(`'_daftar'!$C$2:$C$${ref.rpjmd.program.length + 1}`);
    expect(daftar.getCell('B2').value).toMatch(/^1\.01 /);
    expect(daftar.getCell('C2').value).toBe(`${ref.rpjmd.program[0].kode} - ${ref.rpjmd.program[0].nama}`);
    expect(daftar.getCell(ref.opd.length + 1, 1).value).toBe(ref.opd[ref.opd.length - 1].nama);
    // Code columns are text, so Excel keeps `2.10` as typed.
    expect(ws.getCell(5, col('urusan')).numFmt).toBe('@');
    expect(ws.getCell(5, col('program')).numFmt).toBe('@');
  });

  it('validates dates, years, integers, money and days', () => {
    const ws = withOpd.getWorksheet('Inovasi')!;
    for (const key of ['tglUjiCoba', 'tglPenerapan']) {
      const dv = dvAt(ws, 3, key);
      expect(dv.type).toBe('date');
      expect((dv.formulae[0] as Date).toISOString().slice(0, 10)).toBe('2000-01-01');
      expect(ws.getCell(3, col(key)).numFmt).toBe('dd/mm/yyyy');
    }
    expect(dvAt(ws, 3, 'targetPenerapan')).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [2000, 2100],
    });
    expect(dvAt(ws, 3, 'penerimaManfaat')).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(dvAt(ws, 3, 'no')).toMatchObject({ type: 'whole' });
    expect(dvAt(ws, 3, 'anggaran')).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(dvAt(ws, 3, 'spBiaya')).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(dvAt(ws, 3, 'spJangkaWaktu')).toMatchObject({
      type: 'decimal',
      operator: 'greaterThan',
      formulae: [0],
    });
    // Every column but Status Validasi carries its help text as the input message.
    for (const def of COLUMNS.filter((c) => c.key !== 'status')) {
      expect(dvAt(ws, 2, def.key)?.prompt).toBe(def.help);
    }
    expect(dvAt(ws, 2, 'status')).toBeUndefined();
  });

  it('fills the identity for a given OPD', () => {
    const ws = withOpd.getWorksheet('Identitas')!;
    expect(IDENTITY.map((_, i) => ws.getCell(i + 1, 1).value)).toEqual(IDENTITY.map((d) => d.label));
    expect(ws.getCell('B1').value).toBe('Dinas Kesehatan');
    expect(ws.getCell('B2').value).toBe(2026);
    expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'whole', formulae: [2000, 2100] });
    expect(ws.getCell('B7').dataValidation.type).toBe('date');
    expect(ws.getCell('B8').value).toBe(TEMPLATE_VERSION);
    expect(ws.getCell('C1').value).toBeTruthy();
  });

  it('offers a drop-down of all OPDs when none is given, and defaults tahun to the date', () => {
    const ws = blank.getWorksheet('Identitas')!;
    expect(ws.getCell('B1').value).toBeNull();
    expect(ws.getCell('B1').dataValidation).toMatchObject({
      type: 'list',
      formulae: [`'_daftar'!$A$2:$A$${ref.opd.length + 1}`],
    });
    expect(ws.getCell('B2').value).toBe(2026);
    expect(ws.getCell('B1').dataValidation.prompt).toMatch(/dipilih dari daftar/);
  });

  it("B1's prompt and help say what B1 is: filled in for the OPD, not chosen from a list", () => {
    const ws = withOpd.getWorksheet('Identitas')!;
    expect(ws.getCell('B1').dataValidation.type).not.toBe('list');
    expect(ws.getCell('B1').dataValidation.prompt).not.toMatch(/daftar/);
    expect(ws.getCell('B1').dataValidation.prompt).toBe(ws.getCell('C1').value);
    expect(ws.getCell('C1').value).toMatch(/sudah diisi/);
  });

  it('prints Identitas on one A4 landscape page (labels beside values); Inovasi repeats its header row and No, Nama Inovasi', () => {
    for (const wb of [withOpd, blank]) {
      const identitas = wb.getWorksheet('Identitas')!.pageSetup;
      expect(identitas).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 1,
      });
      const inovasi = wb.getWorksheet('Inovasi')!.pageSetup;
      expect(inovasi).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
      expect(wb.getWorksheet('_daftar')!.state).toBe('hidden');
    }
  });

  it('heads every printed page with the sheet, OPD and year, and foots it with the day it was made as text, never &D', () => {
    // 1 March 2026, 08:00 UTC: 16:00 in Bitung (WITA), the same day.
    const identitas = withOpd.getWorksheet('Identitas')!;
    expect(identitas.pageSetup.printArea).toBe(`A1:C${IDENTITY.length + 2}`); // the note below included
    expect(identitas.headerFooter.oddHeader).toBe('&C&"-,Bold"Identitas — Dinas Kesehatan — 2026');
    expect(identitas.headerFooter.oddFooter).toBe('&LTemplat dibuat 1 Maret 2026&RHalaman &P dari &N');
    expect(withOpd.getWorksheet('Inovasi')!.pageSetup).toMatchObject({
      scale: 100,
      printTitlesColumn: 'A:B',
    });
    expect(blank.getWorksheet('Inovasi')!.headerFooter.oddHeader).toBe(
      `&C&"-,Bold"Inovasi — ${ref.daerah.nama} — 2026`,
    );
    for (const wb of [withOpd, blank])
      for (const ws of wb.worksheets) {
        const { oddHeader = '', oddFooter = '' } = ws.headerFooter ?? {};
        expect(`${oddHeader}${oddFooter}`).not.toMatch(/&[DT]/);
      }
  });

  it('is byte-stable for a fixed date', async () => {
    await writeTemplate(ref, { opd: dinkes, tahun: 2026, date: FIXED }, join(dir, 'again.xlsx'));
    expect(readFileSync(join(dir, 'again.xlsx')).equals(withOpdBytes)).toBe(true);
  });

  it('returns the workbook unsaved from templateWorkbook', () => {
    const wb = templateWorkbook(ref, { opd: dinkes, tahun: 2027, rows: 10, date: FIXED });
    expect(wb.getWorksheet('Identitas')!.getCell('B2').value).toBe(2027);
    expect(wb.modified).toEqual(FIXED);
  });
});

describe('writeSheetsXlsx', () => {
  it('writes a bold frozen header with an autofilter, dates as dates', async () => {
    const path = join(dir, 'sheets.xlsx');
    await writeSheetsXlsx(
      [
        {
          name: 'OPD',
          header: true,
          widths: [10, 40],
          rows: [
            ['Kode', 'Nama', 'Tanggal'],
            ['DINKES', 'Dinas Kesehatan', new Date(Date.UTC(2026, 0, 5))],
            ['X', null, 3],
          ],
        },
        { name: 'Catatan', rows: [['bebas', true]] },
      ],
      path,
      { date: FIXED },
    );
    const wb = await readBack(path);
    const ws = wb.getWorksheet('OPD')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:C3');
    expect(ws.getColumn(2).width).toBe(40);
    expect((ws.getCell('C2').value as Date).toISOString().slice(0, 10)).toBe('2026-01-05');
    expect(ws.getCell('C3').value).toBe(3);
    expect(wb.getWorksheet('Catatan')!.getCell('B1').value).toBe(true);
    expect(wb.creator).toBe('inovasi-daerah');
  });

  it('setZipTimes leaves non-zip bytes alone', () => {
    const junk = new Uint8Array([1, 2, 3, 4, 5]);
    setZipTimes(junk, FIXED);
    expect([...junk]).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the IID sheets (docs/spec/iid.md, "Template")', () => {
  it('Data Dukung: the evidence columns, lists for Nama Inovasi (the Inovasi names), Indikator and Status Verifikasi', () => {
    const ws = withOpd.getWorksheet('Data Dukung')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No',
      'Nama Inovasi',
      'Indikator',
      'Tingkat',
      'Nomor Dokumen',
      'Tanggal Dokumen',
      'Tentang',
      'Tautan Bukti',
      'Catatan OPD',
      'Status Verifikasi',
      'Catatan Verifikator',
    ]);
    expect(ws.getCell('B2').dataValidation).toMatchObject({
      type: 'list',
      formulae: [`'Inovasi'!$B$2:$B$${TEMPLATE_ROWS + 1}`],
    });
    expect(ws.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Petunjuk IID'!$C$7:$C$26"],
    });
    expect(ws.getCell('J2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Sesuai,Perlu Perbaikan,Tidak Sesuai"'],
      errorStyle: 'stop',
    });
    expect(ws.getCell('D2').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [1, 3],
      errorStyle: 'warning',
    });
  });

  it('Petunjuk IID: every indicator with its weight, levels and evidence, the source and that scores are an estimate', () => {
    const ws = withOpd.getWorksheet('Petunjuk IID')!;
    expect(String(ws.getCell('A2').value)).toBe(`Sumber: ${ref.iid!.sumber}`);
    expect(String(ws.getCell('A3').value)).toMatch(/perkiraan; penilaian resmi oleh Kemendagri/);
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual([
      'No',
      'Kode',
      'Indikator',
      'Bobot',
      'Wajib',
      'Tingkat 1',
      'Tingkat 2',
      'Tingkat 3',
      'Bukti yang Diperlukan',
    ]);
    const first = ref.iid!.indikator[0];
    expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual([
      first.no,
      first.kode,
      first.nama,
      first.bobot,
      'Ya',
      ...first.tingkat,
      first.bukti,
    ]);
    expect(ws.getCell(`C${6 + ref.iid!.indikator.length}`).value).toBe(ref.iid!.indikator.at(-1)!.nama);
  });

  it('without iid in the reference, no IID sheet', () => {
    const { iid: _iid, ...plain } = ref;
    void _iid;
    expect(templateWorkbook(plain, { date: FIXED, rows: 1 }).worksheets.map((w) => w.name)).toEqual([
      'Identitas',
      'Inovasi',
      SHEET_DAFTAR,
    ]);
  });
});
