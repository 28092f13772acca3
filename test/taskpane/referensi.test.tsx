/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { defaultReference, referenceToJson } from '../../src/engine/reference/load';
import { REFERENCE_SETTING } from '../../src/taskpane/references';
import { click, panel, renderPane, settle, text } from './fixtures';

const reference = () => screen.getByTestId('reference');

async function pick(file: File) {
  const input = within(panel()).getByLabelText('Muat referensi (.xlsx atau .json)');
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  await settle();
}

describe('Referensi', () => {
  test('shows the embedded reference in force, with its id, region, period and counts', async () => {
    await renderPane(undefined, { tab: 'referensi' });
    const ref = defaultReference();
    expect(text(reference())).toMatch(/Idbitung-contoh@[0-9a-f]{12}/);
    expect(text(reference())).toContain('referensi bawaan');
    expect(text(reference())).toContain(`${ref.daerah.nama} (${ref.daerah.kode})`);
    expect(text(reference())).toContain(`${ref.rpjmd.periode.mulai}–${ref.rpjmd.periode.akhir}`);
    expect(text(reference())).toContain(`Jumlah OPD${ref.opd.length}`);
    expect(text(reference())).toContain(`Jumlah program RPJMD${ref.rpjmd.program.length}`);
    expect(
      (within(panel()).getByRole('button', { name: 'Kembali ke bawaan' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  test('a picked JSON reference comes into force; Kembali ke bawaan returns to the default', async () => {
    const { port } = await renderPane(undefined, { tab: 'referensi' });
    const json = JSON.stringify({ ...referenceToJson(defaultReference()), nama: 'kota-uji' });
    await pick(new File([json], 'kota-uji.json', { type: 'application/json' }));
    await waitFor(() => expect(text(reference())).toMatch(/Idkota-uji@[0-9a-f]{12}/));
    expect(text(reference())).toContain('berkas referensi yang dipilih');
    expect(port.settings.has(REFERENCE_SETTING)).toBe(true);

    await click(within(panel()).getByRole('button', { name: 'Kembali ke bawaan' }));
    expect(text(reference())).toMatch(/Idbitung-contoh@/);
    expect(port.settings.has(REFERENCE_SETTING)).toBe(false);
  });

  test('a broken reference is shown in plain words and the previous one stays', async () => {
    await renderPane(undefined, { tab: 'referensi' });
    await pick(new File(['{"nama": "rusak", "opd": 5}'], 'rusak.json', { type: 'application/json' }));
    const notices = await screen.findByTestId('notices');
    expect(text(notices)).toContain(
      'Referensi «rusak.json» tidak dapat dipakai; referensi sebelumnya tetap berlaku.',
    );
    expect(within(notices).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(text(notices)).not.toMatch(/Error:|\bat \w+ \(/);
    expect(text(reference())).toMatch(/Idbitung-contoh@/);
  });
});
