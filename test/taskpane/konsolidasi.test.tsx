/** @jest-environment jsdom */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AdapterError } from '../../src/addin/port';
import { click, panel, renderPane, text } from './fixtures';

const EXAMPLES = path.join(__dirname, '../../examples');

async function example(name: string): Promise<File> {
  return new File([new Uint8Array(await fs.readFile(path.join(EXAMPLES, name)))], name);
}

async function pick(files: File[]) {
  const input = within(panel()).getByLabelText('Pilih berkas isian OPD');
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

const picked = () =>
  within(screen.getByTestId('picked-files'))
    .queryAllByRole('listitem')
    .map((li) => li.firstElementChild?.textContent);

describe('Konsolidasi', () => {
  test('lists the picked files; a file can be removed; the same file is not listed twice', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    await pick([await example('dinkes-2026.xlsx'), await example('dlh-2026.xlsx')]);
    await pick([await example('dlh-2026.xlsx')]);
    expect(picked()).toEqual(['dinkes-2026.xlsx', 'dlh-2026.xlsx']);
    expect(text(panel())).toContain('Berkas terpilih (2)');
    await click(within(panel()).getByRole('button', { name: 'Hapus dinkes-2026.xlsx dari daftar' }));
    expect(picked()).toEqual(['dlh-2026.xlsx']);
  });

  test.each([
    ['id', 'Pilih berkas isian OPD'],
    ['en', 'Choose OPD submission files'],
  ] as const)(
    "the picker speaks the pane's language (%s): a button opens the hidden native control",
    async (language, words) => {
      await renderPane(undefined, { tab: 'konsolidasi', language });
      // The browser's control ("Choose Files / No file chosen") is never shown; its label is the button's text.
      const input = within(panel()).getByLabelText(words) as HTMLInputElement;
      expect(input.type).toBe('file');
      expect(input.multiple).toBe(true);
      expect(input.hidden).toBe(true);
      expect(input.tabIndex).toBe(-1);
      const opened = jest.spyOn(input, 'click').mockImplementation(() => undefined);
      await click(within(panel()).getByRole('button', { name: words }));
      expect(opened).toHaveBeenCalledTimes(1);
    },
  );

  test('files dropped on the drop zone are added (workbooks only)', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    const zone = screen.getByRole('region', { name: 'Area tarik dan lepas berkas' });
    await act(async () => {
      fireEvent.drop(zone, {
        dataTransfer: { files: [await example('dlh-2026.xlsx'), new File(['x'], 'catatan.txt')] },
      });
    });
    expect(picked()).toEqual(['dlh-2026.xlsx']);
  });

  test('the year field: empty is automatic, a typed year is the consolidation year, a bad one is refused', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    await pick([await example('dinkes-2026.xlsx'), await example('diskan-2025.xlsx')]);
    const field = within(panel()).getByLabelText('Tahun konsolidasi') as HTMLInputElement;
    const run = () => within(panel()).getByRole('button', { name: 'Konsolidasi' }) as HTMLButtonElement;
    await act(async () => {
      fireEvent.change(field, { target: { value: '25' } });
    });
    expect(text(panel())).toContain('Isi tahun 2000–2100, atau kosongkan.');
    expect(run().disabled).toBe(true);
    await act(async () => {
      fireEvent.change(field, { target: { value: '2025' } });
    });
    await click(run());
    const chosen = await screen.findByTestId('consolidation-year-chosen');
    expect(chosen.textContent).toBe('Tahun konsolidasi 2025, dipilih pengguna.');
    const rows = within(await screen.findByTestId('results'))
      .getAllByRole('row')
      .map((r) => r.textContent ?? '');
    expect(rows.find((r) => r.includes('diskan-2025.xlsx'))).toMatch(/Siap|Perlu Perbaikan/);
  });

  test('shows progress while it runs, then the per-OPD results', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    let release: () => void = () => undefined;
    const slow = await example('dinkes-2026.xlsx');
    const bytes = await slow.arrayBuffer();
    Object.defineProperty(slow, 'arrayBuffer', {
      value: () => new Promise<ArrayBuffer>((resolve) => (release = () => resolve(bytes))),
    });
    await pick([slow, await example('dlh-2026.xlsx')]);

    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    await waitFor(() => expect(text(panel())).toContain('Berkas 1 dari 2 — membaca'));
    expect(within(panel()).getByRole('progressbar')).toBeTruthy();
    expect(within(panel()).getByRole('button', { name: 'Batal' })).toBeTruthy();

    await act(async () => release());
    const table = await screen.findByTestId('results');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent ?? '');
    expect(rows.find((r) => r.includes('Dinas Kesehatan'))).toMatch(
      /^DINKES.*dinkes-2026\.xlsx.*Perlu Perbaikan/,
    );
    expect(rows.find((r) => r.includes('Dinas Lingkungan Hidup'))).toMatch(/Siap/);
    expect(rows.some((r) => r.includes('Belum Mengirim'))).toBe(true);
    expect(text(screen.getByTestId('notices'))).toContain('Ringkasan kota ditulis ke lembar');
  });

  test('after a consolidation: the catalogue size, replications inside the city and the OPDs that replicated nothing', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    // Dinas Sosial replicates Dinas Kesehatan's running «Posyandu Digital Bitung Sehat» (examples/README.md).
    await pick([
      await example('dinkes-2026.xlsx'),
      await example('dinsos-2026.xlsx'),
      await example('dlh-2026.xlsx'),
    ]);
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    const section = await screen.findByTestId('replication');
    const lines = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // Catalogue: Dinkes 2 running public-service innovations (Posyandu Digital, Ambulans Laut), Dinsos 1 (Sistem Layanan dan Rujukan), DLH none.
    // Replications: Dinkes 1 (Kabupaten Bantaeng), Dinsos 2 (no source; Dinkes's Posyandu), DLH 1 (Kota Yogyakarta): one inside the city.
    expect(lines).toEqual([
      'Katalog replikasi: 3 inovasi pelayanan publik yang sudah diterapkan',
      'Replikasi di dalam kota: 1 dari 4 replikasi',
      'Setiap OPD yang mengirim sudah mereplikasi.',
    ]);
  });

  test('the result table fits 320 px: Kode OPD, status badge, Jumlah, Galat (the rest is in the workbook)', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    await pick([await example('dinkes-2026.xlsx')]);
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    const table = await screen.findByTestId('results');
    const header = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(header).toEqual(['Kode OPD', 'Status', 'Jumlah', 'Galat']);
    const dinkes = within(table)
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-file') === 'dinkes-2026.xlsx')!;
    const cells = within(dinkes).getAllByRole('cell');
    expect(cells).toHaveLength(4);
    expect(cells[0].getAttribute('title')).toBe('Dinas Kesehatan — dinkes-2026.xlsx');
    // The status badge, with the sign-off level under it (the default reference has no schedule: no lateness words).
    expect(cells[1].textContent).toBe('Perlu PerbaikanBelum Distempel');
    expect(within(cells[1]).getByTestId('row-signoff').textContent).toBe('Belum Distempel');
    expect(Number(cells[2].textContent)).toBeGreaterThan(0);
    expect(Number(cells[3].textContent)).toBeGreaterThan(0);
    expect(text(table.parentElement!)).toContain('Kolom lainnya ada di lembar Rekap OPD.');
  });

  test.each([
    [
      'id',
      'Lembar «Rekap OPD» yang sudah ada bukan buatan konsolidasi, jadi tidak ditimpa; hasilnya ditulis ke «Rekap OPD (2)».',
      'Buka Rekap OPD (2)',
    ],
    [
      'en',
      'The existing sheet «Rekap OPD» was not made by the consolidation, so it was not overwritten; the output went to «Rekap OPD (2)».',
      'Open Rekap OPD (2)',
    ],
  ] as const)('output under another name is said in plain words (%s)', async (language, words, link) => {
    const { port } = await renderPane(undefined, {
      tab: 'konsolidasi',
      language,
      summaryRenamed: [{ from: 'Rekap OPD', to: 'Rekap OPD (2)' }],
    });
    const input = within(panel()).getByLabelText(
      language === 'id' ? 'Pilih berkas isian OPD' : 'Choose OPD submission files',
    );
    await act(async () => {
      fireEvent.change(input, { target: { files: [await example('dlh-2026.xlsx')] } });
    });
    await act(async () => {
      fireEvent.click(
        within(panel()).getByRole('button', { name: language === 'id' ? 'Konsolidasi' : 'Consolidate' }),
      );
    });
    await screen.findByTestId('results');
    expect(text(screen.getByTestId('renamed-sheets'))).toBe(words);
    await click(within(panel()).getByRole('button', { name: link }));
    expect(port.selected).toEqual([{ sheet: 'Rekap OPD (2)', cell: 'A1' }]);
  });

  test('a summary that cannot be written: results shown, the reason and «nothing changed» said', async () => {
    await renderPane(undefined, {
      tab: 'konsolidasi',
      failOnce: { writeSummary: new AdapterError('protected', 'Lembar kerja dilindungi.') },
    });
    await pick([await example('dlh-2026.xlsx')]);
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    await screen.findByTestId('results');
    const notices = text(screen.getByTestId('notices'));
    expect(notices).toContain('Lembar kerja dilindungi.');
    expect(notices).toContain('lembar hasil sebelumnya tetap utuh');
    expect(screen.queryByTestId('summary-sheets')).toBeNull();
  });

  test('Batal cancels the run', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    let release: () => void = () => undefined;
    const slow = await example('dlh-2026.xlsx');
    Object.defineProperty(slow, 'arrayBuffer', {
      value: () => new Promise<ArrayBuffer>((resolve) => (release = () => resolve(new ArrayBuffer(0)))),
    });
    await pick([slow]);
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    await waitFor(() => expect(within(panel()).getByRole('button', { name: 'Batal' })).toBeTruthy());
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Batal' }));
      release();
    });
    await waitFor(() => expect(text(screen.getByTestId('notices'))).toContain('Konsolidasi dibatalkan.'));
    expect(screen.queryByTestId('results')).toBeNull();
  });

  test('Batal while the summary is being written: the sheet count shown, the write cancelled, nothing kept', async () => {
    const { port } = await renderPane(undefined, { tab: 'konsolidasi' });
    let release: () => void = () => undefined;
    port.summaryGate = (done) =>
      done === 2 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    await pick([await example('dlh-2026.xlsx')]);
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    // Eight sheets: the sample reference has `iid`, so Kesiapan IID is among them, and Katalog Replikasi.
    await waitFor(() => expect(text(panel())).toContain('Berkas 1 dari 1 — menulis lembar 2 dari 10'));
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Batal' }));
      release();
    });
    await waitFor(() => expect(text(screen.getByTestId('notices'))).toContain('Konsolidasi dibatalkan.'));
    expect(port.summaries).toHaveLength(0);
    expect(screen.queryByTestId('summary-sheets')).toBeNull();
  });

  test('writes the summary through the port when it can', async () => {
    const { port } = await renderPane(undefined, { tab: 'konsolidasi' });
    await pick([await example('dlh-2026.xlsx')]);
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    await screen.findByTestId('results');
    expect(port.summaries).toHaveLength(1);
    expect(text(screen.getByTestId('notices'))).toContain(
      'Ringkasan kota ditulis ke lembar: Ringkasan, Tindak Lanjut, Rekap OPD',
    );
    await click(within(panel()).getByRole('button', { name: 'Buka Rekap OPD' }));
    expect(port.selected).toEqual([{ sheet: 'Rekap OPD', cell: 'A1' }]);
  });
});
