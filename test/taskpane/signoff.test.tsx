/** @jest-environment jsdom */
/**
 * The Validasi tab's sign-off section (docs/spec/signoff.md): the chain shown per state (one line per level:
 * label, status, who), the one button of the next level and when it is enabled, *Kembalikan* with
 * its required note, and both languages. On a memory workbook.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { CellValue, WorkbookGrid } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { STEMPEL_HEADER } from '../../src/engine/signoff';
import { checkSignoff } from '../../src/engine/validate';
import { TODAY, buildGrid, click, disabled, openStampForm, renderPane, text } from './fixtures';

const HASH = checkSignoff(buildGrid(), defaultReference(), TODAY).contentHash!;
const OTHER = `sha256:${'0'.repeat(64)}`;

/** A version-2 row: level, hash, time, who. */
const row = (tingkat: string, waktu: string, oleh: string, hash = HASH, catatan = ''): CellValue[] => [
  tingkat,
  2,
  hash,
  waktu,
  '1',
  'r',
  'alat',
  0,
  0,
  0,
  oleh,
  '',
  catatan,
];

function withStempel(rows: CellValue[][] | null, v1?: CellValue[][]): WorkbookGrid {
  const grid = buildGrid();
  const sheet = v1 ?? (rows ? [[...STEMPEL_HEADER], ...rows] : null);
  return sheet
    ? { sheets: [...grid.sheets, { name: '_stempel', visibility: 'veryHidden', rows: sheet }] }
    : grid;
}

const chainLines = () =>
  within(screen.getByTestId('chain'))
    .getAllByRole('listitem')
    .map((li) => [li.getAttribute('data-level'), li.getAttribute('data-status'), text(li)] as const);
const statuses = () => chainLines().map(([, s]) => s);
const stampButton = () => (openStampForm(), screen.getByTestId('stamp-button'));
const returnButton = () => (openStampForm(), screen.queryByTestId('return-button'));

const P = '2026-11-27T01:00:00Z';
const K = '2026-11-27T03:00:00Z';
const V = '2026-11-27T05:00:00Z';

describe('the chain per state', () => {
  test("none: three levels not yet stamped; the first level's button; no Kembalikan", async () => {
    await renderPane(withStempel(null));
    expect(chainLines().map(([l, s]) => [l, s])).toEqual([
      ['penyusun', 'none'],
      ['kepalaOpd', 'none'],
      ['verifikator', 'none'],
    ]);
    expect(text(screen.getByTestId('chain-word'))).toBe('Tingkat tercapai: Belum Distempel');
    expect(chainLines()[1][2]).toContain('Disetujui Kepala OPD');
    expect(chainLines()[1][2]).toContain('Belum');
    expect(text(stampButton())).toBe('Stempel: Disusun');
    expect(returnButton()).toBeNull();
  });

  test('prepared: the first level Sah with who and when (local time); next Setujui (Kepala OPD) with Kembalikan', async () => {
    await renderPane(withStempel([row('penyusun', P, 'Staf Inovasi')]));
    expect(statuses()).toEqual(['valid', 'none', 'none']);
    // 01:00 UTC is 09:00 in Bitung (WITA).
    expect(chainLines()[0][2]).toBe('DisusunSahStaf Inovasi, 27 November 2026 09:00');
    expect(text(screen.getByTestId('chain-word'))).toBe('Tingkat tercapai: Disusun');
    expect(text(stampButton())).toBe('Setujui (Kepala OPD)');
    expect(returnButton()).not.toBeNull();
  });

  test('approved: next Verifikasi', async () => {
    const { controller } = await renderPane(
      withStempel([row('penyusun', P, 'Staf'), row('kepalaOpd', K, 'Kepala')]),
    );
    expect(statuses()).toEqual(['valid', 'valid', 'none']);
    expect(text(stampButton())).toBe('Verifikasi');
    controller.dispose();
  });

  test('verified: no stamp button, the reason says every level has stamped', async () => {
    await renderPane(
      withStempel([
        row('penyusun', P, 'Staf'),
        row('kepalaOpd', K, 'Kepala'),
        row('verifikator', V, 'Bappeda'),
      ]),
    );
    expect(statuses()).toEqual(['valid', 'valid', 'valid']);
    expect(text(screen.getByTestId('chain-word'))).toBe('Tingkat tercapai: Diverifikasi');
    openStampForm();
    expect(screen.queryByTestId('stamp-button')).toBeNull();
    expect(text(screen.getByTestId('stamp-reason'))).toBe('Semua tingkat sudah menstempel isi ini.');
  });

  test('changed after level 2: both Berubah, the chain starts again at the first level', async () => {
    await renderPane(withStempel([row('penyusun', P, 'Staf', OTHER), row('kepalaOpd', K, 'Kepala', OTHER)]));
    expect(statuses()).toEqual(['changed', 'changed', 'none']);
    expect(text(screen.getByTestId('chain'))).toContain('Isi berubah sesudah distempel');
    expect(text(screen.getByTestId('chain-word'))).toBe('Tingkat tercapai: Berubah');
    expect(text(stampButton())).toBe('Stempel: Disusun');
  });

  test('returned: the note shown; the first level stamps again; no Kembalikan', async () => {
    await renderPane(
      withStempel([row('penyusun', P, 'Staf'), row('kepalaOpd:kembali', K, 'Kepala', HASH, 'Lengkapi SOP')]),
    );
    expect(text(screen.getByTestId('chain-returned'))).toBe(
      'Dikembalikan oleh Kepala pada 27 November 2026 11:00: Lengkapi SOP',
    );
    expect(text(screen.getByTestId('chain-word'))).toBe('Tingkat tercapai: Dikembalikan');
    expect(text(stampButton())).toBe('Stempel: Disusun');
    expect(returnButton()).toBeNull();
  });

  test("returned, then prepared again: the head's turn again", async () => {
    await renderPane(
      withStempel([
        row('penyusun', P, 'Staf'),
        row('kepalaOpd:kembali', K, 'Kepala', HASH, 'Lengkapi'),
        row('penyusun', V, 'Staf'),
      ]),
    );
    expect(statuses()).toEqual(['valid', 'none', 'none']);
    expect(screen.queryByTestId('chain-returned')).toBeNull();
    expect(text(stampButton())).toBe('Setujui (Kepala OPD)');
  });

  test('a version-1 stamp reads as the first level', async () => {
    await renderPane(
      withStempel(null, [
        ['versi', 1],
        ['contentHash', HASH],
        ['waktu', P],
        ['oleh', 'Staf Lama'],
      ]),
    );
    expect(statuses()).toEqual(['valid', 'none', 'none']);
    expect(chainLines()[0][2]).toContain('Staf Lama');
    expect(text(stampButton())).toBe('Setujui (Kepala OPD)');
  });

  test('a row of a level the reference does not define is set aside and said so', async () => {
    await renderPane(withStempel([row('penyusun', P, 'Staf'), row('walikota', K, 'Wali Kota')]));
    expect(statuses()).toEqual(['valid', 'none', 'none']);
    expect(text(screen.getByTestId('chain'))).toContain(
      '1 baris catatan stempel diabaikan: tingkatnya tidak dikenal referensi',
    );
  });
});

describe('buttons', () => {
  test("the next level's stamp: off before a validation, on after a clean one, off after an edit", async () => {
    const { port } = await renderPane(withStempel([row('penyusun', P, 'Staf')]));
    expect(disabled(stampButton())).toBe(true);
    expect(text(screen.getByTestId('stamp-reason'))).toBe('Validasi dulu sebelum memberi stempel.');
    // Kembalikan needs no validation (a verifier returns a file with errors too).
    expect(disabled(returnButton()!)).toBe(false);
    await click(screen.getByRole('button', { name: 'Validasi' }));
    expect(disabled(stampButton())).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: 'Nama pemberi stempel' }), {
      target: { value: 'Kepala Dinas' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Jabatan' }), {
      target: { value: 'Kepala Dinas Kesehatan' },
    });
    await click(stampButton());
    expect(port.stamps.at(-1)).toMatchObject({
      Tingkat: 'kepalaOpd',
      Oleh: 'Kepala Dinas',
      Jabatan: 'Kepala Dinas Kesehatan',
    });
    expect(port.history.at(-1)).toMatchObject({ peristiwa: 'stempel kepalaOpd', oleh: 'Kepala Dinas' });
    expect(statuses()).toEqual(['valid', 'valid', 'none']);
    expect(text(stampButton())).toBe('Verifikasi');
    expect(disabled(stampButton())).toBe(false);
    // An edit: off until the next validation.
    await click(screen.getByRole('button', { name: 'Validasi' }));
    act(() => port.edit('Inovasi', 'B2', 'Nama yang lain'));
    await screen.findByText('Lembar diubah sesudah validasi terakhir. Validasi lagi.');
    expect(disabled(stampButton())).toBe(true);
  });

  test('Kembalikan: the note and the name are required; the send button stays off until both are typed', async () => {
    const { port } = await renderPane(withStempel([row('penyusun', P, 'Staf')]));
    await click(returnButton()!);
    const form = screen.getByTestId('return-form');
    const send = within(form).getByRole('button', { name: 'Kirim pengembalian' });
    expect(disabled(send)).toBe(true);
    fireEvent.change(within(form).getByRole('textbox', { name: /Catatan pengembalian/ }), {
      target: { value: 'Lengkapi SOP pengaduan' },
    });
    expect(disabled(send)).toBe(true); // no name yet
    fireEvent.change(screen.getByRole('textbox', { name: 'Nama pemberi stempel' }), {
      target: { value: 'Kepala Dinas' },
    });
    expect(disabled(send)).toBe(false);
    fireEvent.change(within(form).getByRole('textbox', { name: /Catatan pengembalian/ }), {
      target: { value: '   ' },
    });
    expect(disabled(send)).toBe(true); // blanks are no note
    fireEvent.change(within(form).getByRole('textbox', { name: /Catatan pengembalian/ }), {
      target: { value: 'Lengkapi SOP pengaduan' },
    });
    await click(send);
    expect(port.stamps.at(-1)).toMatchObject({
      Tingkat: 'kepalaOpd:kembali',
      Oleh: 'Kepala Dinas',
      Catatan: 'Lengkapi SOP pengaduan',
    });
    expect(port.history.at(-1)).toMatchObject({
      peristiwa: 'dikembalikan',
      oleh: 'Kepala Dinas',
      alasan: 'Lengkapi SOP pengaduan',
    });
    expect(text(screen.getByTestId('chain-returned'))).toContain('Lengkapi SOP pengaduan');
    expect(screen.queryByTestId('return-form')).toBeNull();
    expect(text(stampButton())).toBe('Stempel: Disusun');
  });
});

describe('language', () => {
  test('English: level labels, statuses, buttons and the chain word', async () => {
    await renderPane(withStempel([row('penyusun', P, 'Staf')]), { language: 'en' });
    expect(chainLines()[0][2]).toBe('PreparedValidStaf, 27 November 2026 09:00');
    expect(chainLines()[1][2]).toBe('Approved by head of agencyNot yet');
    expect(text(screen.getByTestId('chain-word'))).toBe('Level reached: Prepared');
    expect(text(stampButton())).toBe('Approve (head of agency)');
    expect(text(returnButton()!)).toBe('Return');
    expect(text(screen.getByTestId('stamp-reason'))).toBe('Validate before stamping.');
  });

  test("English: the first level's button", async () => {
    await renderPane(withStempel(null), { language: 'en' });
    expect(text(stampButton())).toBe('Stamp: Prepared');
  });

  test("English: the last level's button", async () => {
    await renderPane(withStempel([row('penyusun', P, 'Staf'), row('kepalaOpd', K, 'Kepala')]), {
      language: 'en',
    });
    expect(text(stampButton())).toBe('Verify');
  });

  test('English: returned', async () => {
    await renderPane(
      withStempel([row('penyusun', P, 'Staf'), row('kepalaOpd:kembali', K, 'Kepala', HASH, 'Fix the SOP')]),
      { language: 'en' },
    );
    expect(text(screen.getByTestId('chain-returned'))).toBe(
      'Returned by Kepala on 27 November 2026 11:00: Fix the SOP',
    );
    expect(text(screen.getByTestId('chain-word'))).toBe('Level reached: Returned');
  });
});

describe('Audit tab', () => {
  test('the stamp status shows the chain: reached level, returned, changed', async () => {
    await renderPane(
      withStempel([row('penyusun', P, 'Staf'), row('kepalaOpd:kembali', K, 'Kepala', HASH, 'Lengkapi')]),
      { tab: 'audit' },
    );
    expect(text(screen.getByTestId('stamp-status'))).toBe('Dikembalikan');
    expect(text(screen.getByTestId('audit-chain-word'))).toBe('Tingkat tercapai: Dikembalikan');
    expect(text(screen.getByTestId('audit-chain-returned'))).toContain('Lengkapi');
  });

  test('changed: Berubah for the whole chain', async () => {
    await renderPane(withStempel([row('penyusun', P, 'Staf', OTHER), row('kepalaOpd', K, 'Kepala', OTHER)]), {
      tab: 'audit',
    });
    expect(text(screen.getByTestId('stamp-status'))).toBe('Berubah');
    expect(
      within(screen.getByTestId('audit-chain'))
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-status')),
    ).toEqual(['changed', 'changed', 'none']);
  });

  test('reached: Sah with the level reached', async () => {
    await renderPane(withStempel([row('penyusun', P, 'Staf'), row('kepalaOpd', K, 'Kepala')]), {
      tab: 'audit',
    });
    expect(text(screen.getByTestId('stamp-status'))).toBe('Sah');
    expect(text(screen.getByTestId('audit-chain-word'))).toBe('Tingkat tercapai: Disetujui Kepala OPD');
  });
});
