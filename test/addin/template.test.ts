/**
 * The add-in's *Buat Lembar Isian*: the name column's alert follows the reference, as FMT-06 does
 * (issue 14); the IID sheets; how the form prints (issue 21).
 */
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { FakeExcelOptions, createFakeExcel } from '../fake-excel';
import { adapterFor } from '../fake-excel/budget';
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import type { ExcelHost, OfficeHost } from '../../src/addin/port';
import { iidTemplateDesign } from '../../src/engine/design/iidTemplate';
import { templatePrint } from '../../src/engine/design/templatePrint';
import { IDENTITY } from '../../src/engine/schema';
import { colOf } from '../helpers/workbook';

async function nameValidation(reference: Reference) {
  const fake = createFakeExcel({ sheets: { Sheet1: [] }, apiVersion: '1.8' });
  await adapterFor(fake).createTemplate(reference, null);
  return fake.workbook.sheet('Inovasi').validation(`${colOf('Nama Inovasi')}2`);
}

describe('the name-length validation of the form created in Excel', () => {
  it("uses the reference's namaMin/namaMax, in the rule and in the alert", async () => {
    const base = defaultReference();
    const reference: Reference = { ...base, parameter: { ...base.parameter, namaMin: 12, namaMax: 80 } };
    const v = await nameValidation(reference);
    expect(v?.rule?.textLength).toMatchObject({ formula1: 12, formula2: 80, operator: 'Between' });
    expect(v?.errorAlert?.message).toBe('Nama inovasi harus 12–80 karakter.');
  });

  it('is 5–200 with the default parameters', async () => {
    const v = await nameValidation(defaultReference());
    expect(v?.rule?.textLength).toMatchObject({ formula1: 5, formula2: 200 });
    expect(v?.errorAlert?.message).toBe('Nama inovasi harus 5–200 karakter.');
  });
});

describe('the IID sheets of the form created in Excel (docs/spec/iid.md), as the command line writes them', () => {
  it('Data Dukung with its lists and Petunjuk IID with every indicator', async () => {
    const fake = createFakeExcel({ sheets: { Sheet1: [] }, apiVersion: '1.8' });
    await adapterFor(fake).createTemplate(defaultReference(), null);
    const dd = fake.workbook.sheet('Data Dukung');
    expect(dd.values('A1:K1')[0]).toEqual([
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
    expect(dd.validation('B2')?.rule?.list?.source).toBe(`='Inovasi'!$B$2:$B$201`);
    expect(dd.validation('C2')?.rule?.list?.source).toBe(`='Petunjuk IID'!$C$7:$C$26`);
    expect(dd.validation('J2')?.rule?.list?.source).toBe('Sesuai,Perlu Perbaikan,Tidak Sesuai');
    const guide = fake.workbook.sheet('Petunjuk IID');
    expect(guide.value('C7')).toBe('Regulasi Inovasi Daerah');
    expect(String(guide.value('A2'))).toMatch(/^Sumber: /);
  });
});

describe('how the form created in Excel prints (docs/spec/consolidation.md, Printing and reading)', () => {
  // 7 December 2026, 09:00 in Bitung (WITA, UTC+8).
  const NOW = Date.UTC(2026, 11, 7, 1, 0);
  const PARTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];

  async function created(apiVersion: string, sheets: FakeExcelOptions['sheets'] = { Sheet1: [] }) {
    const fake = createFakeExcel({ sheets, apiVersion });
    const port = createExcelAdapter(
      fake.Excel as unknown as ExcelHost,
      fake.Office as unknown as OfficeHost,
      {
        now: () => NOW,
      },
    );
    const reference = defaultReference();
    await port.createTemplate(
      reference,
      reference.opd.find((o) => o.nama === 'Dinas Kesehatan')!,
    );
    return fake;
  }

  it('Identitas on one landscape A4 page, labels beside values; Inovasi across pages with its header row and No, Nama Inovasi repeated', async () => {
    const fake = await created('1.18');
    const identitas = fake.workbook.sheet('Identitas').pageLayout;
    expect(identitas).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      printArea: `A1:C${IDENTITY.length}`,
      centerHeader: '&"-,Bold"Identitas — Dinas Kesehatan — 2026',
      leftFooter: 'Templat dibuat 7 Desember 2026',
      rightFooter: 'Halaman &P dari &N',
    });
    expect(identitas.printTitleRows).toBeUndefined();
    const inovasi = fake.workbook.sheet('Inovasi').pageLayout;
    expect(inovasi).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { scale: 100 },
      printTitleRows: '1:1',
      printTitleColumns: `A:${colOf('Nama Inovasi')}`,
      printGridlines: false,
      centerHeader: '&"-,Bold"Inovasi — Dinas Kesehatan — 2026',
      leftFooter: 'Templat dibuat 7 Desember 2026',
    });
    // What is filled in prints, not 200 empty rows of grid.
    expect(inovasi.printArea).toBeUndefined();
    // The IID sheets print readably too; the lists never print.
    expect(fake.workbook.sheet('Data Dukung').pageLayout).toMatchObject({ printTitleRows: '1:1' });
    expect(fake.workbook.sheet('Petunjuk IID').pageLayout).toMatchObject({ orientation: 'Landscape' });
    expect(fake.workbook.sheet('_daftar').visibility).toBe('Hidden');
    expect(fake.workbook.sheet('_daftar').pageLayout).toEqual({});
    for (const name of ['Identitas', 'Inovasi', 'Data Dukung', 'Petunjuk IID']) {
      const layout = fake.workbook.sheet(name).pageLayout;
      for (const p of PARTS) expect(String(layout[p] ?? '')).not.toMatch(/&[DT]/);
    }
  });

  it('is the command line’s plan: the same header, footer, scale and repeated rows and columns', async () => {
    const fake = await created('1.18');
    const reference = defaultReference();
    const plan = templatePrint(
      { who: 'Dinas Kesehatan', tahun: 2026, madeOn: '2026-12-07' },
      IDENTITY.length,
      iidTemplateDesign(reference.iid),
    );
    expect(plan.map((p) => p.sheet)).toEqual(['Identitas', 'Inovasi', 'Data Dukung', 'Petunjuk IID']);
    for (const p of plan) {
      const layout = fake.workbook.sheet(p.sheet).pageLayout;
      expect(layout.centerHeader).toBe(p.print.header.center);
      expect(layout.leftFooter).toBe(p.print.footer.left);
      expect(layout.zoom).toEqual(
        p.print.scale !== undefined
          ? { scale: p.print.scale }
          : { horizontalFitToPages: p.print.fitToWidth, verticalFitToPages: p.print.fitToHeight },
      );
    }
  });

  it('below ExcelApi 1.9 the form is made without a page setup; an Identitas already there keeps its own', async () => {
    const old = await created('1.8');
    for (const name of ['Identitas', 'Inovasi']) expect(old.workbook.sheet(name).pageLayout).toEqual({});
    const kept = await created('1.18', { Identitas: [['Perangkat Daerah', 'Dinas Kesehatan']] });
    expect(kept.workbook.sheet('Identitas').pageLayout).toEqual({});
    expect(kept.workbook.sheet('Inovasi').pageLayout).toMatchObject({ zoom: { scale: 100 } });
  });
});
