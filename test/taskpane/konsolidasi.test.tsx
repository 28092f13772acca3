/** @jest-environment jsdom */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
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

const picked = () => within(screen.getByTestId('picked-files')).queryAllByRole('listitem').map((li) => li.firstElementChild?.textContent);

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

  test('files dropped on the drop zone are added (workbooks only)', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    const zone = screen.getByRole('region', { name: 'Area tarik dan lepas berkas' });
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [await example('dlh-2026.xlsx'), new File(['x'], 'catatan.txt')] } });
    });
    expect(picked()).toEqual(['dlh-2026.xlsx']);
  });

  test('shows progress while it runs, then the per-OPD results', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    let release: () => void = () => undefined;
    const slow = await example('dinkes-2026.xlsx');
    const bytes = await slow.arrayBuffer();
    Object.defineProperty(slow, 'arrayBuffer', { value: () => new Promise<ArrayBuffer>((resolve) => (release = () => resolve(bytes))) });
    await pick([slow, await example('dlh-2026.xlsx')]);

    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    await waitFor(() => expect(text(panel())).toContain('Berkas 1 dari 2 — membaca'));
    expect(within(panel()).getByRole('progressbar')).toBeTruthy();
    expect(within(panel()).getByRole('button', { name: 'Batal' })).toBeTruthy();

    await act(async () => release());
    const table = await screen.findByTestId('results');
    const rows = within(table).getAllByRole('row').map((r) => r.textContent ?? '');
    expect(rows.find((r) => r.includes('Dinas Kesehatan'))).toMatch(/dinkes-2026\.xlsx.*Perlu Perbaikan/);
    expect(rows.find((r) => r.includes('Dinas Lingkungan Hidup'))).toMatch(/Siap/);
    expect(rows.some((r) => r.includes('Belum Mengirim'))).toBe(true);
    expect(text(screen.getByTestId('notices'))).toContain('Ringkasan kota belum dapat ditulis');
  });

  test('Batal cancels the run', async () => {
    await renderPane(undefined, { tab: 'konsolidasi' });
    let release: () => void = () => undefined;
    const slow = await example('dlh-2026.xlsx');
    Object.defineProperty(slow, 'arrayBuffer', { value: () => new Promise<ArrayBuffer>((resolve) => (release = () => resolve(new ArrayBuffer(0)))) });
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

  test('writes the summary through the port when it can', async () => {
    const { port } = await renderPane(undefined, { tab: 'konsolidasi', canWriteSummary: true });
    await pick([await example('dlh-2026.xlsx')]);
    await act(async () => {
      fireEvent.click(within(panel()).getByRole('button', { name: 'Konsolidasi' }));
    });
    await screen.findByTestId('results');
    expect(port.summaries).toHaveLength(1);
    expect(text(screen.getByTestId('notices'))).toContain('Ringkasan kota ditulis ke lembar: Rekap OPD');
    await click(within(panel()).getByRole('button', { name: 'Buka Rekap OPD' }));
    expect(port.selected).toEqual([{ sheet: 'Rekap OPD', cell: 'A1' }]);
  });
});
