/** The add-in's *Buat Lembar Isian*: the name column's alert follows the reference, as FMT-06 does (issue 14). */
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { createFakeExcel } from '../fake-excel';
import { adapterFor } from '../fake-excel/budget';
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
