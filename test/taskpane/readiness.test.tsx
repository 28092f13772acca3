/** @jest-environment jsdom */
/** IID readiness in the Validasi tab (docs/spec/iid.md, "Add-in"). */
import { screen, within } from '@testing-library/react';
import { buildGrid, click, renderPane, text } from './fixtures';
import { POSYANDU, dataDukung, evidence } from '../helpers/iid';
import { inisiatifRow, validRow } from '../helpers/workbook';

const grid = () =>
  buildGrid({
    rows: [validRow(), inisiatifRow()],
    extraSheets: [
      dataDukung([
        evidence({ Tingkat: 2, 'Status Verifikasi': 'Sesuai' }),
        evidence({ Indikator: 'Video Inovasi', Tingkat: 3, 'Tautan Bukti': 'https://youtu.be/x' }),
        evidence({
          Indikator: 'Ketersediaan dan Peran SDM',
          Tingkat: 2,
          'Tautan Bukti': 'https://x.go.id/sk.pdf',
        }),
      ]),
    ],
  });

test('after a validation: per innovation a bar and the percent, ready or not, what is missing; it says perkiraan and names the source', async () => {
  const { port } = await renderPane(grid());
  expect(screen.queryByTestId('iid-readiness')).toBeNull(); // nothing before a validation
  const reads = port.calls.filter((c) => c === 'readSubmission').length;
  await click(screen.getByRole('button', { name: 'Validasi' }));
  expect(port.calls.filter((c) => c === 'readSubmission').length).toBe(reads + 1); // no extra read

  const section = screen.getByTestId('iid-readiness');
  expect(within(section).getByRole('heading').textContent).toBe('Kesiapan IID (perkiraan)');
  expect(text(screen.getByTestId('iid-source'))).toMatch(
    /^Perkiraan dari indikator 2026 menurut referensi: Contoh: .*Penilaian resmi oleh Kemendagri\.$/,
  );
  const items = screen.getAllByTestId('iid-item');
  expect(items).toHaveLength(2);
  // Posyandu: regulasi 3×2 + video 4×3 + sdm 2×2 = 22 of 111 → 19.8 %; verified 6 → 5.4 %.
  expect(text(items[0])).toContain(POSYANDU);
  expect(text(items[0])).toContain('Kematangan 19,8% (terverifikasi 5,4%)');
  expect(text(items[0])).toContain('Belum siap');
  expect(text(items[0])).toMatch(
    /Kurang 17: Kemanfaatan Inovasi, Kecepatan Penciptaan Inovasi, Replikasi, …/,
  );
  const bar = within(items[0]).getByRole('progressbar');
  expect(bar.getAttribute('aria-valuetext')).toBe('19,8%');
  expect(text(section)).not.toMatch(/Inovatif/); // no predicate band
});

test('a click goes to the innovation’s Data Dukung rows, or adds a row prefilled with it and its first missing indicator', async () => {
  const { port } = await renderPane(grid());
  await click(screen.getByRole('button', { name: 'Validasi' }));
  const [posyandu, rencana] = screen.getAllByTestId('iid-item');
  await click(within(posyandu).getByRole('button', { name: 'Buka Data Dukung (3 baris)' }));
  expect(port.selected.at(-1)).toEqual({ sheet: 'Data Dukung', cell: 'A2:K4' });

  await click(within(rencana).getByRole('button', { name: 'Tambah bukti' }));
  expect(port.evidenceRows).toEqual([
    {
      kind: 'append',
      sheet: 'Data Dukung',
      header: null,
      row: 5,
      cells: [
        { column: 'B', value: 'Rencana Aplikasi Rujukan Puskesmas' },
        { column: 'C', value: 'Video Inovasi' },
      ],
      range: 'A5:K5',
    },
  ]);
});

test('without a Data Dukung sheet: the estimate from derived levels, and a click creates the sheet with its header', async () => {
  const { port } = await renderPane(buildGrid({ rows: [validRow()] }));
  await click(screen.getByRole('button', { name: 'Validasi' }));
  const [item] = screen.getAllByTestId('iid-item');
  await click(within(item).getByRole('button', { name: 'Tambah bukti' }));
  expect(port.evidenceRows[0]).toMatchObject({
    sheet: 'Data Dukung',
    header: [
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
    ],
    row: 2,
    cells: [
      { column: 'B', value: POSYANDU },
      { column: 'C', value: 'Video Inovasi' },
    ],
  });
});
