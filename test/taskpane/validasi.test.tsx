/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adapterError } from '../../src/addin/errors';
import { countFindings } from '../../src/engine/validate';
import {
  buildGrid,
  click,
  disabled,
  fixedEdits,
  mistakesGrid,
  openStampForm,
  panel,
  renderPane,
  text,
} from './fixtures';

const findingButtons = () =>
  within(panel())
    .getAllByRole('button')
    .filter((b) => b.hasAttribute('data-finding-id'));

describe('Validasi', () => {
  test('pressing Validasi shows the counts and the findings grouped by row', async () => {
    const { port } = await renderPane();
    await click(screen.getByRole('button', { name: 'Validasi' }));

    expect(text(screen.getByTestId('count-errors'))).toContain('3 galat');
    expect(text(screen.getByTestId('count-warnings'))).toContain('2 peringatan');
    expect(text(screen.getByTestId('count-accepted'))).toContain('0 diterima');

    const groups = within(screen.getByTestId('finding-groups'))
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(groups).toEqual(['Berkas/Identitas', 'Baris 3', 'Baris 4']);
    const row3 = screen.getByRole('region', { name: 'Baris 3' });
    expect(within(row3).getAllByRole('button')).toHaveLength(2);
    expect(within(row3).getByText(/bukan pilihan yang sah untuk «Tahapan Inovasi»/)).toBeTruthy();
    expect(within(row3).getByText('Mungkin maksudnya «Penerapan».')).toBeTruthy();

    expect(port.flagWrites).toHaveLength(1);
    expect(countFindings(port.flagWrites[0].findings)).toMatchObject({ errors: 3, warnings: 2 });
    expect(port.history).toEqual([
      expect.objectContaining({
        peristiwa: 'validasi',
        oleh: 'dr. Joice Rumondor',
        rincian: expect.stringMatching(/^galat 3, peringatan 2, info 0, diterima 0; sha256:/),
      }),
    ]);
    expect(text(screen.getByTestId('live-region'))).toContain(
      'Validasi selesai: 3 galat, 2 peringatan, 0 diterima.',
    );
  });

  test('clicking a finding selects its cell in its sheet', async () => {
    const { port } = await renderPane();
    await click(screen.getByRole('button', { name: 'Validasi' }));
    const row3 = screen.getByRole('region', { name: 'Baris 3' });
    await click(within(row3).getAllByRole('button')[0]);
    const identitas = screen.getByRole('region', { name: 'Berkas/Identitas' });
    await click(within(identitas).getByRole('button'));
    expect(port.selected).toEqual([
      { sheet: 'Inovasi', cell: 'C3' },
      { sheet: 'Identitas', cell: 'B8' },
    ]);
  });

  test('findings are buttons, reachable from the keyboard', async () => {
    await renderPane();
    await click(screen.getByRole('button', { name: 'Validasi' }));
    for (const b of findingButtons()) {
      expect(b.tagName).toBe('BUTTON');
      expect(b.tabIndex).toBe(0);
    }
  });

  test('filters by severity and by rule', async () => {
    await renderPane();
    await click(screen.getByRole('button', { name: 'Validasi' }));
    expect(findingButtons()).toHaveLength(5);

    await click(within(panel()).getByRole('checkbox', { name: 'Galat' }));
    expect(findingButtons()).toHaveLength(2);
    expect(findingButtons().every((b) => /Peringatan/.test(b.textContent ?? ''))).toBe(true);
    await click(within(panel()).getByRole('checkbox', { name: 'Galat' }));

    await click(within(panel()).getByRole('combobox', { name: 'Saring menurut aturan' }));
    await click(screen.getByRole('option', { name: 'SOP-02' }));
    expect(findingButtons()).toHaveLength(1);
    expect(text(findingButtons()[0])).toContain('SOP-02');

    await click(within(panel()).getByRole('combobox', { name: 'Saring menurut aturan' }));
    await click(screen.getByRole('option', { name: 'Semua aturan' }));
    expect(findingButtons()).toHaveLength(5);
  });

  test('Stempel: Disusun is disabled with open errors and enabled once they are fixed', async () => {
    const { port } = await renderPane();
    const stamp = () => (openStampForm(), screen.getByRole('button', { name: 'Stempel: Disusun' }));
    expect(disabled(stamp())).toBe(true);
    expect(text(screen.getByTestId('stamp-reason'))).toContain('Validasi dulu sebelum memberi stempel.');

    await click(screen.getByRole('button', { name: 'Validasi' }));
    expect(disabled(stamp())).toBe(true);
    expect(text(screen.getByTestId('stamp-reason'))).toContain('Masih ada 3 galat terbuka.');

    act(() => fixedEdits(port));
    await click(screen.getByRole('button', { name: 'Validasi' }));
    expect(text(screen.getByTestId('count-errors'))).toContain('0 galat');
    expect(disabled(stamp())).toBe(false);

    // The edited row is compared with what the validation read (one read, in the background).
    act(() => port.edit('Inovasi', 'B2', 'Posyandu Digital Bitung Sehat Sekali'));
    await waitFor(() => expect(disabled(stamp())).toBe(true));
    expect(text(screen.getByTestId('stamp-reason'))).toContain('Lembar diubah sesudah validasi terakhir.');

    await click(screen.getByRole('button', { name: 'Validasi' }));
    await click(stamp());
    expect(port.stamps).toHaveLength(1);
    expect(port.stamps[0]).toMatchObject({
      Tingkat: 'penyusun',
      Versi: 2,
      Waktu: '2026-11-28T09:30:00.000Z',
      'Versi Aturan': '1',
      Referensi: expect.stringMatching(/^bitung-contoh@[0-9a-f]{12}$/),
      Alat: 'inovasi-daerah 1.0.0',
      Galat: 0,
      Peringatan: 2,
      Diterima: 0,
      Oleh: 'dr. Joice Rumondor',
    });
    expect(String(port.stamps[0]['Hash Isi'])).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(port.history.at(-1)).toMatchObject({
      peristiwa: 'stempel penyusun',
      oleh: 'dr. Joice Rumondor',
      waktu: '2026-11-28T09:30:00.000Z',
    });

    // The stamp is read back on the next validation: Sah.
    await click(screen.getByRole('button', { name: 'Validasi' }));
    await click(screen.getByRole('tab', { name: 'Audit' }));
    expect(text(screen.getByTestId('stamp-status'))).toContain('Sah');
  });

  test('the stamp takes the name typed', async () => {
    const { port } = await renderPane(buildGrid());
    await click(screen.getByRole('button', { name: 'Validasi' }));
    openStampForm();
    fireEvent.change(screen.getByRole('textbox', { name: 'Nama pemberi stempel' }), {
      target: { value: 'Ir. Hendra' },
    });
    await click(screen.getByRole('button', { name: 'Stempel: Disusun' }));
    expect(port.stamps[0]).toMatchObject({ Oleh: 'Ir. Hendra' });
  });

  test('Buat Lembar Isian appears only when there is no Inovasi sheet', async () => {
    const { port } = await renderPane({ sheets: [{ name: 'Sheet1', rows: [] }] });
    await click(screen.getByRole('button', { name: 'Buat Lembar Isian' }));
    expect(port.templates).toBe(1);
    expect(screen.queryByRole('button', { name: 'Buat Lembar Isian' })).toBeNull();
  });

  test('no Buat Lembar Isian on a workbook that has its Inovasi sheet', async () => {
    await renderPane(mistakesGrid());
    expect(screen.queryByRole('button', { name: 'Buat Lembar Isian' })).toBeNull();
  });

  test('Validasi otomatis re-validates after an edit', async () => {
    const { port } = await renderPane();
    await click(screen.getByRole('switch', { name: 'Validasi otomatis' }));
    await waitFor(() => expect(port.flagWrites).toHaveLength(1));
    act(() => fixedEdits(port));
    await waitFor(() => expect(text(screen.getByTestId('count-errors'))).toContain('0 galat'));
    openStampForm();
    expect(disabled(screen.getByRole('button', { name: 'Stempel: Disusun' }))).toBe(false);
  });

  test('Hapus Tanda asks the workbook to remove the flags', async () => {
    const { port } = await renderPane();
    await click(screen.getByRole('button', { name: 'Validasi' }));
    await click(screen.getByRole('button', { name: 'Hapus Tanda' }));
    expect(port.clears).toBe(1);
    expect(screen.queryByTestId('counts')).toBeNull();
  });

  test('an adapter error is shown in plain words, without a stack trace', async () => {
    await renderPane(mistakesGrid(), {
      failOnce: { writeFlags: adapterError('editing', 'id', 'InvalidOperationInCellEditMode') },
    });
    await click(screen.getByRole('button', { name: 'Validasi' }));
    const notices = screen.getByTestId('notices');
    expect(text(notices)).toContain(
      'Excel sedang menyunting sebuah sel. Selesaikan penyuntingan sel itu (tekan Enter atau Esc), lalu coba lagi.',
    );
    expect(notices.querySelector('[role="group"], .fui-MessageBar')).not.toBeNull();
  });

  test('a raw Office error is shown by its first line only', async () => {
    const error = Object.assign(new Error('Permintaan gagal\n    at Excel.run (excel.js:1:2)'), {
      code: 'GeneralException',
    });
    await renderPane(mistakesGrid(), { failOnce: { writeFlags: error } });
    await click(screen.getByRole('button', { name: 'Validasi' }));
    const notices = screen.getByTestId('notices');
    expect(text(notices)).toContain('Terjadi kesalahan: Permintaan gagal');
    expect(text(notices)).not.toMatch(/excel\.js|at Excel/);
  });
});

describe('language', () => {
  test('English when Office displays English', async () => {
    await renderPane(mistakesGrid(), { language: 'en' });
    expect(screen.getByRole('tab', { name: 'Validate' })).toBeTruthy();
    await click(screen.getByRole('button', { name: 'Validate' }));
    expect(text(screen.getByTestId('count-errors'))).toContain('3 errors');
    const row3 = screen.getByRole('region', { name: 'Row 3' });
    expect(within(row3).getByText(/is not an allowed value for «Tahapan Inovasi»/)).toBeTruthy();
    openStampForm();
    expect(disabled(screen.getByRole('button', { name: 'Stamp: Prepared' }))).toBe(true);
  });
});
