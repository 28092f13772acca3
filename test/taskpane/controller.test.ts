/**
 * The task pane's orchestration without any UI: reference in force, consolidation (progress,
 * cancel, writing), decisions and the stamp, on an in-memory workbook.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AdapterError } from '../../src/addin/port';
import { defaultReference, referenceId, referenceToJson } from '../../src/engine/reference/load';
import { referenceToGrid } from '../../src/engine/reference/workbook';
import { sheetsWorkbook, workbookBytes } from '../../src/node/xlsxWriter';
import { PaneController, type PickedFile } from '../../src/taskpane/controller';
import { REFERENCE_SETTING } from '../../src/taskpane/references';
import type { Progress } from '../../src/taskpane/state';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { TODAY, buildGrid } from '../helpers/workbook';
import { MemoryPort, type MemoryPortOptions } from './memoryPort';

const EXAMPLES = path.join(__dirname, '../../examples');

function make(grid = buildGrid(), options: MemoryPortOptions = {}) {
  const port = new MemoryPort(grid, options);
  const controller = new PaneController({
    port,
    today: () => TODAY,
    now: () => new Date('2026-11-28T09:30:00Z'),
    loadXlsx: async () => xlsxModule,
  });
  return { port, controller };
}

/** Waits for the background reads an edit sets off (the edited rows compared with what the last validation read). */
async function settled(controller: PaneController): Promise<void> {
  while (controller.refreshing) await controller.refreshing;
}

function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

async function example(name: string): Promise<PickedFile> {
  return picked(name, new Uint8Array(await fs.readFile(path.join(EXAMPLES, name))));
}

const jsonFile = (name: string, value: unknown): PickedFile =>
  picked(name, new TextEncoder().encode(JSON.stringify(value)));

describe('reference in force', () => {
  test('the embedded default when nothing else is there', async () => {
    const { controller } = make();
    await controller.init();
    const r = controller.getState().reference;
    expect(r.source).toBe('default');
    expect(r.id).toBe(referenceId(defaultReference()));
    expect(r.id).toMatch(/^bitung-contoh@[0-9a-f]{12}$/);
  });

  test('a picked JSON reference is remembered in the document settings and used for validation', async () => {
    const { port, controller } = make();
    await controller.init();
    const ok = await controller.loadReference(
      jsonFile('kota-uji.json', { ...referenceToJson(defaultReference()), nama: 'kota-uji' }),
    );
    expect(ok).toBe(true);
    expect(controller.getState().reference).toMatchObject({
      source: 'picked',
      id: expect.stringMatching(/^kota-uji@/),
    });
    expect(typeof port.settings.get(REFERENCE_SETTING)).toBe('string');

    // A new session on the same document starts with it.
    const again = new PaneController({ port, today: () => TODAY });
    await again.init();
    expect(again.getState().reference.id).toBe(controller.getState().reference.id);

    await controller.validate();
    await controller.stamp('');
    expect(port.stamps[0].Referensi).toBe(controller.getState().reference.id);

    await controller.returnToDefault();
    expect(controller.getState().reference.source).toBe('default');
    expect(port.settings.has(REFERENCE_SETTING)).toBe(false);
  });

  test('a reference workbook (.xlsx) is read with the lazily loaded reader', async () => {
    const { controller } = make();
    await controller.init();
    const sheets = referenceToGrid(defaultReference()).map((s) => ({ ...s, header: true }));
    const bytes = await workbookBytes(sheetsWorkbook(sheets), new Date('2026-01-01T00:00:00Z'));
    expect(await controller.loadReference(picked('referensi-bitung.xlsx', bytes))).toBe(true);
    // Named by its own `Nama Referensi`, not the file name (docs/spec/reference-data.md): the same id as its JSON form.
    expect(controller.getState().reference.id).toBe(referenceId(defaultReference()));
    expect(controller.getState().reference.source).not.toBe('default');
  });

  test('a broken reference is explained and the previous one stays in force', async () => {
    const { controller, port } = make();
    await controller.init();
    const before = controller.getState().reference.id;
    expect(
      await controller.loadReference(picked('rusak.json', new TextEncoder().encode('{ bukan json'))),
    ).toBe(false);
    expect(await controller.loadReference(jsonFile('kosong.json', { nama: 'kosong' }))).toBe(false);
    expect(await controller.loadReference(picked('lama.xlsx', new TextEncoder().encode('a,b\n1,2\n')))).toBe(
      false,
    );
    expect(controller.getState().reference.id).toBe(before);
    expect(port.settings.has(REFERENCE_SETTING)).toBe(false);
    const notice = controller.getState().notices.find((n) => n.key === 'referensi.broken')!;
    expect(notice.intent).toBe('error');
    expect(notice.details.length).toBeGreaterThan(0);
    expect(notice.details.join(' ')).not.toMatch(/\bat \w+ \(/);
  });

  test("the workbook's own reference sheets come first", async () => {
    // A workbook written before `Nama Referensi` existed: named as before.
    const own = referenceToGrid(defaultReference()).map((s) => ({
      name: s.name,
      rows: s.name === 'Parameter' ? s.rows.filter((r) => r[0] !== 'Nama Referensi') : s.rows,
    }));
    const { controller, port } = make(buildGrid({ extraSheets: own }));
    port.settings.set(
      REFERENCE_SETTING,
      JSON.stringify({ ...referenceToJson(defaultReference()), nama: 'kota-uji' }),
    );
    await controller.init();
    expect(controller.getState().reference).toMatchObject({
      source: 'workbook',
      id: expect.stringMatching(/^referensi-buku-kerja@/),
    });
  });

  test('a stored reference that no longer loads falls back to the default, with a warning', async () => {
    const { controller, port } = make();
    port.settings.set(REFERENCE_SETTING, '{"nama": "x"}');
    await controller.init();
    expect(controller.getState().reference.source).toBe('default');
    expect(controller.getState().notices.map((n) => n.key)).toContain('referensi.storedBroken');
  });
});

describe('runConsolidation', () => {
  test('reads, validates and consolidates, reporting progress file by file', async () => {
    const { controller } = make();
    await controller.init();
    const files = [
      await example('dinkes-2026.xlsx'),
      await example('dlh-2026.xlsx'),
      picked('lama.xls', new TextEncoder().encode('bukan buku kerja')),
    ];
    const progress: Progress[] = [];
    const outcome = await controller.runConsolidation(files, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { n: 1, total: 3, phase: 'reading' },
      { n: 1, total: 3, phase: 'validating' },
      { n: 2, total: 3, phase: 'reading' },
      { n: 2, total: 3, phase: 'validating' },
      { n: 3, total: 3, phase: 'reading' },
      { n: 3, total: 3, phase: 'validating' },
      { n: 3, total: 3, phase: 'writing' },
      // then each of the output sheets as the port queues it
      // Eight sheets: the sample reference has `iid` (Kesiapan IID), and Katalog Replikasi.
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((sheet) => ({
        n: 3,
        total: 3,
        phase: 'writing',
        sheet,
        sheets: 10,
      })),
    ]);
    expect(outcome.written).toEqual([
      'Ringkasan',
      'Tindak Lanjut',
      'Rekap OPD',
      'Daftar Inovasi',
      'Kesiapan IID',
      'Program RPJMD',
      'Urusan',
      'Katalog Replikasi',
      'Temuan',
      'Info Konsolidasi',
    ]);
    expect(outcome.writeError).toBeNull();
    const byFile = new Map(outcome.rows.map((r) => [r.file, r]));
    expect(byFile.get('dinkes-2026.xlsx')).toMatchObject({
      opd: 'Dinas Kesehatan',
      status: 'Perlu Perbaikan',
      stamp: 'Belum Distempel',
    });
    expect(byFile.get('dlh-2026.xlsx')).toMatchObject({ opd: 'Dinas Lingkungan Hidup', status: 'Siap' });
    expect(byFile.get('lama.xls')).toMatchObject({ status: 'Tidak Terbaca' });
    expect(outcome.rows.some((r) => r.status === 'Belum Mengirim')).toBe(true);
    expect(outcome.rows.at(-1)).toMatchObject({ total: true });
  });

  test('writes the city summary through the port', async () => {
    const { controller, port } = make(buildGrid());
    await controller.init();
    const progress: Progress[] = [];
    const outcome = await controller.runConsolidation([await example('dlh-2026.xlsx')], {
      onProgress: (p) => progress.push(p),
    });
    expect(port.summaries).toHaveLength(1);
    expect(progress.at(-1)).toEqual({ n: 1, total: 1, phase: 'writing', sheet: 10, sheets: 10 });
    expect(outcome.written).toContain('Rekap OPD');
  });

  test('a summary that cannot be written leaves the results, with the reason', async () => {
    const { controller } = make(buildGrid(), {
      failOnce: { writeSummary: new AdapterError('protected', 'Lembar kerja dilindungi.') },
    });
    await controller.init();
    await controller.startConsolidation([await example('dlh-2026.xlsx')]);
    const { outcome } = controller.getState().consolidation;
    expect(outcome?.written).toBeNull();
    expect(outcome?.rows.find((r) => r.file === 'dlh-2026.xlsx')).toMatchObject({ status: 'Siap' });
    expect(outcome).not.toHaveProperty('writeError');
    const notices = controller.getState().notices.map((n) => [n.key, n.params]);
    expect(notices).toContainEqual(['err.plain', { pesan: 'Lembar kerja dilindungi.' }]);
    expect(notices).toContainEqual(['konsolidasi.notWritten', {}]);
  });

  test('output under another name is reported', async () => {
    const { controller } = make(buildGrid(), {
      summaryRenamed: [{ from: 'Rekap OPD', to: 'Rekap OPD (2)' }],
    });
    await controller.init();
    await controller.startConsolidation([await example('dlh-2026.xlsx')]);
    expect(controller.getState().consolidation.outcome?.written).toContain('Rekap OPD (2)');
    expect(controller.getState().consolidation.outcome?.renamed).toEqual([
      { from: 'Rekap OPD', to: 'Rekap OPD (2)' },
    ]);
  });

  test('cancelling stops before anything is written', async () => {
    const { controller, port } = make(buildGrid());
    await controller.init();
    const abort = new AbortController();
    const files = [await example('dlh-2026.xlsx'), await example('dinkes-2026.xlsx')];
    const run = controller.runConsolidation(files, {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.n === 2) abort.abort();
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(port.summaries).toHaveLength(0);
  });

  test('the pane state follows a run and its cancellation', async () => {
    const { controller } = make();
    await controller.init();
    let release: () => void = () => undefined;
    const slow: PickedFile = {
      name: 'lambat.xlsx',
      size: 1,
      arrayBuffer: () => new Promise((resolve) => (release = () => resolve(new ArrayBuffer(1)))),
    };
    const run = controller.startConsolidation([slow]);
    await new Promise((r) => setTimeout(r, 5));
    expect(controller.getState().consolidation).toMatchObject({
      running: true,
      progress: { n: 1, total: 1, phase: 'reading' },
    });
    controller.cancelConsolidation();
    release();
    await run;
    expect(controller.getState().consolidation).toEqual({ running: false, progress: null, outcome: null });
    expect(controller.getState().notices.map((n) => n.key)).toContain('konsolidasi.cancelled');
  });
});

describe('decisions and stamp', () => {
  test('a finding of a rule that cannot be accepted is refused without writing', async () => {
    const { controller, port } = make({ sheets: [{ name: 'Lembar1', rows: [['x']] }] });
    await controller.validate();
    const str01 = controller.getState().validation!.findings.find((f) => f.rule === 'STR-01')!;
    const writes = port.flagWrites.length;
    expect(await controller.accept(str01.id, 'alasan', 'pemeriksa')).toEqual({
      ok: false,
      problems: ['audit.notAcceptable'],
    });
    expect(port.flagWrites).toHaveLength(writes);
  });

  test('the stamp needs a validation without open errors and without edits since', async () => {
    const { controller, port } = make();
    expect(controller.stampAllowance().reason).toBe('stamp.notValidated');
    await controller.validate();
    expect(controller.stampAllowance().allowed).toBe(true);
    port.edit('Inovasi', 'B2', 'Nama Baru Inovasi');
    await settled(controller);
    expect(controller.stampAllowance()).toMatchObject({ allowed: false, reason: 'stamp.edited' });
    expect(await controller.stamp('Siapa')).toBe(false);
    expect(port.stamps).toHaveLength(0);
  });

  test('edits of Inovasi and of Identitas are watched; Identitas edits count as edits too', async () => {
    const { controller, port } = make();
    await controller.init();
    expect(port.listening).toEqual(['Inovasi', 'Identitas']);
    await controller.validate();
    port.edit('Identitas', 'B3', 'Orang Lain');
    await settled(controller);
    expect(controller.stampAllowance().reason).toBe('stamp.edited');
    controller.dispose();
    expect(port.listening).toEqual([]);
  });

  test('a workbook without the sheets is not watched until the template is created', async () => {
    const { controller, port } = make({ sheets: [{ name: 'Lembar1', rows: [] }] });
    await controller.init();
    expect(port.listening).toEqual([]);
    expect(controller.getState().notices).toEqual([]);
    await controller.createTemplate();
    expect(port.listening).toEqual(['Inovasi', 'Identitas']);
  });

  test('a stamp found changed is recorded once in Riwayat', async () => {
    const { controller, port } = make();
    await controller.validate();
    await controller.stamp('');
    port.edit('Inovasi', 'B2', 'Nama Baru Inovasi');
    await controller.validate();
    await controller.validate();
    expect(controller.getState().validation!.stamp).toBe('changed');
    expect(port.history.filter((e) => e.peristiwa === 'stempel berubah')).toHaveLength(1);
  });
});
