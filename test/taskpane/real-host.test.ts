/**
 * What real Excel does that the fake host once did not (issue 22), through the controller and the
 * real Office adapter: rows inserted or deleted above flagged rows (`changeType`), a coauthor's edit
 * (`source: 'Remote'`). Each test fails with the pane as it was before the mend.
 */
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import type { ExcelHost, OfficeHost, WorkbookPort } from '../../src/addin/port';
import { defaultReference } from '../../src/engine/reference/load';
import { ruleDef } from '../../src/engine/rules/registry';
import { type FileValidation, validateWorkbook } from '../../src/engine/validate';
import { OPEN_WORKBOOK, PaneController } from '../../src/taskpane/controller';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { type FakeExcel, createFakeExcel } from '../fake-excel';
import { benchmarkSheets } from '../fake-excel/budget';
import { TODAY, colOf } from '../helpers/workbook';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (label: string, row: number) => `${colOf(label)}${row}`;

interface Pane {
  readonly fake: FakeExcel;
  readonly port: WorkbookPort;
  readonly controller: PaneController;
}

async function pane(fake: FakeExcel, live: boolean): Promise<Pane> {
  const port = createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost, {
    debounceMs: 1,
  });
  const controller = new PaneController({ port, today: () => TODAY, loadXlsx: async () => xlsxModule });
  await controller.init();
  if (live) controller.setLive(true);
  else await controller.validate();
  await settle(controller);
  expect(controller.getState().validation).not.toBeNull();
  return { fake, port, controller };
}

/** Waits for the debounced edit events and whatever they start (a validation, a content check). */
async function settle(controller: PaneController): Promise<void> {
  await sleep(15);
  const c = controller as unknown as {
    validating: Promise<void> | null;
    live: { checking: Promise<void> | null };
  };
  while (c.validating || c.live.checking || controller.getState().busy)
    await (c.validating ?? c.live.checking ?? sleep(5));
}

async function fresh(fake: FakeExcel): Promise<FileValidation> {
  const port = createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost);
  const { grid } = await port.readSubmission();
  return validateWorkbook(grid, OPEN_WORKBOOK, { reference: defaultReference(), today: TODAY });
}

const summary = (v: FileValidation | null) => ({
  findings: (v?.findings ?? []).map((f) => `${f.rule} ${f.cell} ${f.status}`).sort(),
  rows: v?.submission?.table?.rows.map((r) => r.row),
});

/** The Status Validasi column as the sheet shows it. */
const statusColumn = (fake: FakeExcel) => {
  const col = colOf('Status Validasi');
  return fake.workbook
    .sheet('Inovasi')
    .values(`${col}1:${col}60`)
    .map((r) => r[0]);
};

describe('rows inserted or deleted (changeType)', () => {
  test('live validation: a row inserted above flagged rows re-reads the sheet, so the flags stay on their rows', async () => {
    const s = await pane(createFakeExcel({ sheets: benchmarkSheets(40) }), true);
    const flagged = s.controller.getState().validation!.findings.find((f) => f.rule === 'FMT-03')!;
    expect(flagged.row).toBe(5);
    s.fake.workbook.sheet('Inovasi').shiftRows(3, 1);
    await settle(s.controller);
    // The finding moved with its row; nothing points at the inserted empty row.
    const v = s.controller.getState().validation!;
    expect(v.findings.some((f) => f.rule === 'FMT-03' && f.row === 6)).toBe(true);
    expect(summary(v)).toEqual(summary(await fresh(s.fake)));
    // Status Validasi as a full validation writes it.
    const shown = statusColumn(s.fake);
    await s.controller.validate();
    expect(statusColumn(s.fake)).toEqual(shown);
  }, 30_000);

  test('live validation: rows deleted above flagged rows', async () => {
    const s = await pane(createFakeExcel({ sheets: benchmarkSheets(40) }), true);
    s.fake.workbook.sheet('Inovasi').shiftRows(2, -2);
    await settle(s.controller);
    const v = s.controller.getState().validation!;
    expect(v.findings.some((f) => f.rule === 'FMT-03' && f.row === 3)).toBe(true);
    expect(summary(v)).toEqual(summary(await fresh(s.fake)));
  }, 30_000);

  test('without live validation a row insert marks the workbook edited', async () => {
    const s = await pane(createFakeExcel({ sheets: benchmarkSheets(10) }), false);
    expect(s.controller.getState().dirty).toBe(false);
    // An empty row inserted below the table: the rows the event names read the same as before, but
    // every row below moved, so only a new validation knows.
    s.fake.workbook.sheet('Inovasi').shiftRows(12, 1);
    await settle(s.controller);
    expect(s.controller.getState().dirty).toBe(true);
  }, 30_000);
});

describe('a coauthor edits (source: Remote)', () => {
  test('live validation on: the edit marks the result stale, but this pane writes nothing (the editor’s pane does)', async () => {
    const fake = createFakeExcel({ sheets: benchmarkSheets(20) });
    const s = await pane(fake, true);
    const riwayat = fake.workbook.sheet('Riwayat').values().length;
    const syncs = fake.stats.syncCount;
    const spy = jest.spyOn(s.port, 'writeFlags');
    fake.workbook
      .sheet('Inovasi')
      .setValues(at('Nama Inovasi', 4), [['Nama Diubah Rekan']], { fireChange: true, source: 'Remote' });
    await settle(s.controller);
    expect(spy).not.toHaveBeenCalled();
    expect(fake.workbook.sheet('Riwayat').values()).toHaveLength(riwayat);
    expect(s.controller.getState().dirty).toBe(true);
    // One read (the edited row compared with the last validation), no write.
    expect(
      fake.stats.log
        .slice(syncs)
        .every((r) => !Object.keys(r.ops).some((k) => k.startsWith('set:') || k.startsWith('call:'))),
    ).toBe(true);
    // The user's own edit still validates live.
    fake.workbook
      .sheet('Inovasi')
      .setValues(at('Nama Inovasi', 5), [['Nama Diubah Sendiri']], { fireChange: true });
    await settle(s.controller);
    expect(spy).toHaveBeenCalled();
    expect(s.controller.getState().dirty).toBe(false);
  }, 30_000);

  test('a coauthor undoing to the same content leaves the result current', async () => {
    const fake = createFakeExcel({ sheets: benchmarkSheets(10) });
    const s = await pane(fake, true);
    const same = fake.workbook.sheet('Inovasi').value(at('Nama Inovasi', 4));
    fake.workbook
      .sheet('Inovasi')
      .setValues(at('Nama Inovasi', 4), [[same]], { fireChange: true, source: 'Remote' });
    await settle(s.controller);
    expect(s.controller.getState().dirty).toBe(false);
  }, 30_000);
});

/** Types a decision into the Temuan row of a finding, as an auditor does in Excel (Temuan is not watched: no event). */
function typeDecision(fake: FakeExcel, id: string, reason: string, reviewer: string): void {
  const sheet = fake.workbook.sheet('Temuan');
  const rows = sheet.values();
  const header = rows[0].map(String);
  const r = rows.findIndex((row) => row[0] === id);
  expect(r).toBeGreaterThan(0);
  const col = (label: string) => String.fromCharCode(65 + header.indexOf(label));
  sheet.setValues(`${col('Status')}${r + 1}`, [['Diterima', reason, reviewer]]);
}

const temuanRow = (fake: FakeExcel, id: string) => {
  const [header, ...rows] = fake.workbook.sheet('Temuan').values();
  const row = rows.find((x) => x[0] === id);
  return row ? Object.fromEntries(header.map((h, i) => [String(h), row[i]])) : null;
};

describe('a decision typed into Temuan between two validations', () => {
  test('live validation rewriting Temuan keeps it (the pane validates again from a full read)', async () => {
    const s = await pane(createFakeExcel({ sheets: benchmarkSheets(20) }), true);
    const finding = s.controller.getState().validation!.findings.find((f) => f.rule === 'FMT-03')!;
    typeDecision(s.fake, finding.id, 'Tanggal uji coba menyusul', 'Inspektur Rina');
    // An edit that changes the findings: the flags and Temuan are written again.
    s.fake.workbook.sheet('Inovasi').setValues(at('Anggaran (Rp)', 3), [[-1]], { fireChange: true });
    await settle(s.controller);
    const v = s.controller.getState().validation!;
    expect(v.findings.some((f) => f.rule === 'FMT-05' && f.row === 3)).toBe(true);
    expect(temuanRow(s.fake, finding.id)).toMatchObject({
      Status: 'Diterima',
      Alasan: 'Tanggal uji coba menyusul',
      Pemeriksa: 'Inspektur Rina',
    });
    expect(v.findings.find((f) => f.id === finding.id)?.status).toBe('accepted');
  }, 30_000);

  test('an acceptance in the Audit tab does not write over it: nothing is written, the pane says why', async () => {
    const s = await pane(createFakeExcel({ sheets: benchmarkSheets(20) }), false);
    const findings = s.controller.getState().validation!.findings;
    const typed = findings.find((f) => f.rule === 'FMT-03')!;
    const other = findings.find((f) => f.id !== typed.id && ruleDef(f.rule).acceptable)!;
    expect(other).toBeDefined();
    typeDecision(s.fake, typed.id, 'Diketik langsung', 'Inspektur Rina');
    const result = await s.controller.accept(other.id, 'Diterima dari panel', 'Inspektur Budi');
    expect(result.ok).toBe(false);
    expect(temuanRow(s.fake, typed.id)).toMatchObject({ Status: 'Diterima', Alasan: 'Diketik langsung' });
    expect(
      s.controller.getState().notices.some((n) => n.intent === 'error' && /Temuan/.test(JSON.stringify(n))),
    ).toBe(true);
    // Validated again, the typed decision is on its finding, and the acceptance goes through.
    await s.controller.validate();
    expect(s.controller.getState().validation!.findings.find((f) => f.id === typed.id)?.status).toBe(
      'accepted',
    );
    expect((await s.controller.accept(other.id, 'Diterima dari panel', 'Inspektur Budi')).ok).toBe(true);
    expect(temuanRow(s.fake, typed.id)).toMatchObject({ Status: 'Diterima', Alasan: 'Diketik langsung' });
    expect(temuanRow(s.fake, other.id)).toMatchObject({ Status: 'Diterima', Alasan: 'Diterima dari panel' });
  }, 30_000);
});

describe('files the pane makes, on hosts whose web view drops downloads (Mac, iPad, Windows)', () => {
  async function auditPane(options: Parameters<typeof createFakeExcel>[0]) {
    const fake = createFakeExcel({ sheets: benchmarkSheets(10), ...options });
    const port = createExcelAdapter(
      fake.Excel as unknown as ExcelHost,
      fake.Office as unknown as OfficeHost,
      { debounceMs: 1 },
    );
    const download = jest.fn();
    const controller = new PaneController({
      port,
      today: () => TODAY,
      loadXlsx: async () => xlsxModule,
      download,
    });
    await controller.init();
    await controller.validate();
    return { fake, controller, download };
  }

  test('Excel on the web: the audit CSV is downloaded, as before', async () => {
    const s = await auditPane({});
    expect(s.fake.downloadsWork).toBe(true);
    await s.controller.exportAudit();
    expect(s.download).toHaveBeenCalledTimes(1);
    expect(s.fake.workbook.createdWorkbooks).toHaveLength(0);
  }, 30_000);

  test.each(['Mac', 'iOS', 'PC'] as const)(
    '%s with ExcelApi 1.8: the audit report opens as a new workbook (createWorkbook), nothing is "downloaded"',
    async (platform) => {
      const s = await auditPane({ platform });
      expect(s.fake.downloadsWork).toBe(false);
      const csv = await s.controller.exportAudit();
      expect(s.download).not.toHaveBeenCalled();
      expect(s.fake.workbook.createdWorkbooks).toHaveLength(1);
      const read = xlsxModule.readXlsx(s.fake.workbook.createdWorkbooks[0]);
      if (!read.ok) throw new Error('unreadable workbook');
      const sheet = read.workbook.sheets[0];
      expect(sheet.name).toBe('Laporan Audit');
      expect(sheet.rows[0]?.slice(0, 3)).toEqual(['Berkas', 'Perangkat Daerah', 'Tingkat Persetujuan']);
      // The same rows as the CSV (header included).
      const lines = (await csv!.text()).trim().split('\r\n');
      expect(sheet.rows.length).toBe(lines.length);
      expect(sheet.rows.length).toBeGreaterThan(1);
      expect(s.controller.getState().announcement?.key).toBe('audit.opened');
    },
    30_000,
  );

  test('an iPad below ExcelApi 1.8: no download claimed; the pane says what to do instead', async () => {
    const s = await auditPane({ platform: 'iOS', apiVersion: '1.7' });
    expect(await s.controller.exportAudit()).toBeNull();
    expect(s.download).not.toHaveBeenCalled();
    expect(s.fake.workbook.createdWorkbooks).toHaveLength(0);
    expect(s.controller.getState().notices.map((n) => n.key)).toContain('files.none');
    expect(s.controller.getState().announcement?.key).not.toBe('audit.exported');
  }, 30_000);
});

test('a Temuan laid out otherwise (columns moved by the user) is still rewritten: its decisions are read where they are', async () => {
  const sheets = {
    ...benchmarkSheets(10),
    Temuan: [
      ['Catatan', 'ID', 'Status', 'Alasan', 'Pemeriksa'],
      ['lama', 'TIDAK-ADA', 'Diterima', 'uji', 'Rina'],
    ],
  };
  const fake = createFakeExcel({ sheets });
  const s = await pane(fake, false);
  expect(s.controller.getState().notices.filter((n) => n.intent === 'error')).toEqual([]);
  await s.controller.validate();
  expect(s.controller.getState().notices.filter((n) => n.intent === 'error')).toEqual([]);
  expect(fake.workbook.sheet('Temuan').values()[0][0]).toBe('ID');
}, 30_000);
