import { auditCsv, neutralise, withStampFinding } from '../../src/engine/audit';
import { defaultReference } from '../../src/engine/reference/load';
import { validateWorkbook } from '../../src/engine/validate';
import { buildGrid, validRow, TODAY } from '../helpers/workbook';

const ref = defaultReference();
const run = (rows = [validRow()]) =>
  validateWorkbook(buildGrid({ rows }), 'dinkes.xlsx', { reference: ref, today: TODAY });

test('formula starters are neutralised with a leading apostrophe', () => {
  for (const s of ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
    expect(neutralise(s)).toBe(`'${s}`);
  expect(neutralise('Dinas Kesehatan')).toBe('Dinas Kesehatan');
});

test('a hostile cell value comes out of the CSV inert and RFC 4180 quoted', () => {
  const v = run([validRow({ 'Tahapan Inovasi': '=HYPERLINK("http://x","y")' })]);
  const csv = auditCsv([withStampFinding(v, ref)], 'id');
  expect(
    csv.startsWith(
      '\uFEFFBerkas,Perangkat Daerah,Tingkat Persetujuan,Waktu Disusun,Waktu Disetujui Kepala OPD,Waktu Diverifikasi,Hash Isi,ID,Aturan,Jenis,Sel,Nama Inovasi,Pesan,Status,Alasan,Pemeriksa\r\n',
    ),
  ).toBe(true);
  const line = csv.split('\r\n').find((l) => l.includes('FMT-02'))!;
  // The cell names its sheet, and the innovation of the row follows it.
  expect(line).toContain(',FMT-02,Galat,Inovasi!C2,Posyandu Digital Bitung Sehat,');
  // The message embeds the value; the field starts with «, so it is quoted but not prefixed.
  expect(line).toContain(
    '"«=HYPERLINK(""http://x"",""y"")» bukan pilihan yang sah untuk «Tahapan Inovasi».",Terbuka',
  );
  expect(csv).not.toMatch(/(^|,)=/m);
});

test('an unstamped workbook gets KON-04 in the audit report; one signed up to kepalaOpd does not', () => {
  const v = run();
  expect(withStampFinding(v, ref).findings.map((f) => f.rule)).toEqual(['KON-04']);
  const csv = auditCsv([withStampFinding(v, ref)], 'id');
  expect(csv).toContain('dinkes.xlsx,Dinas Kesehatan,Belum Distempel,,,,sha256:');
  expect(csv).toContain(
    ',KON-04,Peringatan,,,Berkas belum distempel berjenjang sampai «Disetujui Kepala OPD».,Terbuka,,',
  );
  // A version-1 stamp is the penyusun level only: still below the required kepalaOpd.
  const v1 = validateWorkbook(
    buildGrid({
      extraSheets: [
        {
          name: '_stempel',
          rows: [
            ['contentHash', v.contentHash!],
            ['waktu', '2026-11-20T08:00:00Z'],
          ],
        },
      ],
    }),
    'dinkes.xlsx',
    { reference: ref, today: TODAY },
  );
  expect(withStampFinding(v1, ref).findings.map((f) => f.params)).toEqual([
    { tingkat: 'Disetujui Kepala OPD', tingkatEn: 'Approved by head of agency' },
  ]);
  expect(auditCsv([withStampFinding(v1, ref)], 'id')).toContain(
    'dinkes.xlsx,Dinas Kesehatan,Disusun,2026-11-20T08:00:00Z,,,sha256:',
  );
  const header = [
    'Tingkat',
    'Versi',
    'Hash Isi',
    'Waktu',
    'Versi Aturan',
    'Referensi',
    'Alat',
    'Galat',
    'Peringatan',
    'Diterima',
    'Oleh',
    'Jabatan',
    'Catatan',
  ];
  const stamped = validateWorkbook(
    buildGrid({
      extraSheets: [
        {
          name: '_stempel',
          rows: [
            header,
            ['penyusun', 2, v.contentHash!, '2026-11-20T08:00:00Z'],
            ['kepalaOpd', 2, v.contentHash!, '2026-11-21T08:00:00Z'],
          ],
        },
      ],
    }),
    'dinkes.xlsx',
    { reference: ref, today: TODAY },
  );
  expect(withStampFinding(stamped, ref).findings).toEqual([]);
  expect(auditCsv([stamped], 'id')).toBe(
    '\uFEFFBerkas,Perangkat Daerah,Tingkat Persetujuan,Waktu Disusun,Waktu Disetujui Kepala OPD,Waktu Diverifikasi,Hash Isi,ID,Aturan,Jenis,Sel,Nama Inovasi,Pesan,Status,Alasan,Pemeriksa\r\n',
  );
  const changed = validateWorkbook(
    buildGrid({
      rows: [validRow({ Manfaat: 'x' })],
      extraSheets: [
        {
          name: '_stempel',
          rows: [
            ['contentHash', v.contentHash!],
            ['waktu', '2026-11-20T08:00:00Z'],
          ],
        },
      ],
    }),
    'dinkes.xlsx',
    { reference: ref, today: TODAY },
  );
  expect(auditCsv([withStampFinding(changed, ref)], 'id')).toContain(
    'Isi berubah setelah distempel pada 20 November 2026; stempel ulang berjenjang.',
  );
});
