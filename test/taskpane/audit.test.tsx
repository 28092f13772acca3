/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildGrid, click, openDialog, panel, renderPane, text } from './fixtures';

/** Validate, then open the Audit tab. */
async function auditSession() {
  const rendered = await renderPane();
  await click(screen.getByRole('button', { name: 'Validasi' }));
  await click(screen.getByRole('tab', { name: 'Audit' }));
  return rendered;
}

/** The SOP-02 warning of row 4 (an acceptable rule). */
function sop02Id(port: Awaited<ReturnType<typeof renderPane>>['port']): string {
  const f = port.flagWrites[0].findings.find((x) => x.rule === 'SOP-02');
  if (!f) throw new Error('no SOP-02 finding');
  return f.id;
}

describe('Audit', () => {
  test('the stamp status of an unstamped workbook is Tidak Ada', async () => {
    await auditSession();
    expect(text(screen.getByTestId('stamp-status'))).toBe('Tidak Ada');
  });

  test('accepting without a reason shows an error and writes nothing', async () => {
    const { port } = await auditSession();
    const id = sop02Id(port);
    await click(within(panel()).getByRole('button', { name: `Terima temuan ${id}` }));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText(/Pemeriksa/), { target: { value: 'Inspektur Rina' } });
    await click(within(dialog).getByRole('button', { name: 'Simpan', hidden: true }));

    expect(text(screen.getByRole('dialog', { hidden: true }))).toContain('Alasan wajib diisi.');
    expect(port.flagWrites).toHaveLength(1);
    expect(port.history.map((e) => e.peristiwa)).toEqual(['validasi']);
  });

  test('accepting without a reviewer is refused too', async () => {
    const { port } = await auditSession();
    await click(within(panel()).getByRole('button', { name: `Terima temuan ${sop02Id(port)}` }));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText(/Alasan/), {
      target: { value: 'Perwali sedang disusun' },
    });
    await click(within(dialog).getByRole('button', { name: 'Simpan', hidden: true }));
    expect(text(screen.getByRole('dialog', { hidden: true }))).toContain('Nama pemeriksa wajib diisi.');
    expect(port.flagWrites).toHaveLength(1);
  });

  test('accepting with a reason and a reviewer records the decision and changes the counts', async () => {
    const { port } = await auditSession();
    const id = sop02Id(port);
    await click(within(panel()).getByRole('button', { name: `Terima temuan ${id}` }));
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText(/Alasan/), {
      target: { value: 'Perwali sedang disusun' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Pemeriksa/), { target: { value: 'Inspektur Rina' } });
    await click(within(dialog).getByRole('button', { name: 'Simpan', hidden: true }));

    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(text(screen.getByTestId(`audit-${id}`))).toContain('Diterima');
    expect(text(screen.getByTestId(`audit-${id}`))).toContain(
      'Diterima oleh Inspektur Rina: Perwali sedang disusun',
    );

    // Written to the Temuan sheet through the port, with a Riwayat event.
    const written = port.flagWrites.at(-1)!.findings.find((f) => f.id === id)!;
    expect(written.status).toBe('accepted');
    expect(written.decision).toEqual({
      status: 'accepted',
      reason: 'Perwali sedang disusun',
      reviewer: 'Inspektur Rina',
      date: '2026-11-28',
    });
    expect(port.history.at(-1)).toMatchObject({
      peristiwa: 'diterima',
      oleh: 'Inspektur Rina',
      id,
      aturan: 'SOP-02',
      sel: 'Inovasi!M4',
      alasan: 'Perwali sedang disusun',
    });

    await click(screen.getByRole('tab', { name: 'Validasi' }));
    expect(text(screen.getByTestId('count-warnings'))).toContain('1 peringatan');
    expect(text(screen.getByTestId('count-accepted'))).toContain('1 diterima');

    // The decision carries over to the next validation (it is read back from the Temuan sheet).
    await click(screen.getByRole('button', { name: 'Validasi' }));
    expect(text(screen.getByTestId('count-accepted'))).toContain('1 diterima');
  });

  test('an acceptance can be withdrawn, with reason and name', async () => {
    const { port } = await auditSession();
    const id = sop02Id(port);
    await click(within(panel()).getByRole('button', { name: `Terima temuan ${id}` }));
    let dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText(/Alasan/), {
      target: { value: 'Perwali sedang disusun' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Pemeriksa/), { target: { value: 'Inspektur Rina' } });
    await click(within(dialog).getByRole('button', { name: 'Simpan', hidden: true }));

    await click(within(panel()).getByRole('button', { name: `Tarik penerimaan temuan ${id}` }));
    dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText(/Alasan/), { target: { value: 'Perwali batal' } });
    fireEvent.change(within(dialog).getByLabelText(/Pemeriksa/), { target: { value: 'Inspektur Rina' } });
    await click(within(dialog).getByRole('button', { name: 'Simpan', hidden: true }));

    expect(text(screen.getByTestId(`audit-${id}`))).toContain('Terbuka');
    expect(port.flagWrites.at(-1)!.findings.find((f) => f.id === id)!.status).toBe('open');
    expect(port.history.at(-1)).toMatchObject({
      peristiwa: 'dicabut',
      oleh: 'Inspektur Rina',
      id,
      alasan: 'Perwali batal',
    });
  });

  test('findings of rules that cannot be accepted offer no accept button', async () => {
    const { controller } = await renderPane({ sheets: [{ name: 'Sheet1', rows: [['apa saja']] }] });
    await act(() => controller.validate());
    await click(screen.getByRole('tab', { name: 'Audit' }));
    const str01 = controller.getState().validation!.findings.find((f) => f.rule === 'STR-01')!;
    const item = screen.getByTestId(`audit-${str01.id}`);
    expect(text(item)).toContain('Temuan aturan ini tidak dapat diterima.');
    expect(within(item).queryByRole('button')).toBeNull();
    expect(await controller.accept(str01.id, 'alasan', 'nama')).toEqual({
      ok: false,
      problems: ['audit.notAcceptable'],
    });
  });

  test('opening the Audit tab shows the stamp as the workbook is now, not as last validated', async () => {
    const { controller, port } = await renderPane(buildGrid());
    await click(screen.getByRole('button', { name: 'Validasi' }));
    await act(async () => {
      await controller.stamp('Auditor Kota');
    });
    await click(screen.getByRole('tab', { name: 'Audit' }));
    expect(text(screen.getByTestId('stamp-status'))).toBe('Sah');
    expect(text(panel())).toContain('oleh Auditor Kota');

    // Changed behind the pane's back (no change event): seen when the tab is opened again.
    await click(screen.getByRole('tab', { name: 'Validasi' }));
    port.sheet('Inovasi')!.rows[1][1] = 'Nama Lain Sesudah Stempel';
    await click(screen.getByRole('tab', { name: 'Audit' }));
    await waitFor(() => expect(text(screen.getByTestId('stamp-status'))).toBe('Berubah'));
    expect(text(panel())).toContain('Isi lembar berubah sesudah distempel.');
    expect(port.history.filter((e) => e.peristiwa === 'stempel berubah')).toHaveLength(1);

    // An edit Excel reports: checked at once.
    await act(async () => port.edit('Inovasi', 'B2', 'Posyandu Digital Bitung Sehat'));
    await waitFor(() => expect(text(screen.getByTestId('stamp-status'))).toBe('Sah'));
  });

  test('decisions typed into Temuan without a reason are reported in plain words, row by row', async () => {
    const { port } = await auditSession();
    const temuan = port.sheet('Temuan')!;
    const header = temuan.rows[0] as string[];
    const row = temuan.rows.findIndex((r) => r[1] === 'SOP-02');
    temuan.rows[row][header.indexOf('Status')] = 'Diterima';
    temuan.rows[row][header.indexOf('Pemeriksa')] = 'Inspektur Rina';
    const id = String(temuan.rows[row][0]);
    await click(screen.getByRole('tab', { name: 'Validasi' }));
    await click(screen.getByRole('button', { name: 'Validasi' }));
    const notices = text(screen.getByTestId('notices'));
    expect(notices).toContain('1 keputusan di lembar Temuan diabaikan');
    expect(notices).toContain(`Temuan baris ${row + 1} (ID ${id}, SOP-02): Status Diterima tanpa Alasan.`);
    expect(text(screen.getByTestId('count-accepted'))).toContain('0 diterima');
  });

  test('Ekspor Laporan Audit downloads laporan-audit.csv', async () => {
    const { download } = await auditSession();
    await click(within(panel()).getByRole('button', { name: 'Ekspor Laporan Audit' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [name, blob] = download.mock.calls[0] as [string, Blob];
    expect(name).toBe('laporan-audit.csv');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    expect(csv.startsWith('\uFEFFBerkas,Perangkat Daerah,Tingkat Persetujuan,Waktu Disusun,')).toBe(true);
    expect(csv).toContain('Buku kerja ini,Dinas Kesehatan,Belum Distempel');
    expect(csv).toContain('KON-04');
  });
});
