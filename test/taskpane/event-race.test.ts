/**
 * Excel delivers `onChanged` asynchronously, and later still on a slow PC or on the web (issue 11:
 * the e2e failed 5 of 18 runs under load at "stamp (Stempel Final)"). These tests hold the fake's
 * events (`setEventDelivery('manual')`) and release them at a chosen moment, through the controller
 * and the real Office adapter, so the order edit → validation reads → event arrives is reproduced
 * deterministically instead of by a busy machine.
 */
import { createExcelAdapter } from '../../src/addin/excelAdapter';
import type { ExcelHost, OfficeHost } from '../../src/addin/port';
import type { CellValue } from '../../src/engine/grid';
import { PaneController } from '../../src/taskpane/controller';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { type FakeExcel, createFakeExcel } from '../fake-excel';
import { benchmarkSheets } from '../fake-excel/budget';
import { TODAY, colOf, validRow } from '../helpers/workbook';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (label: string, row: number) => `${colOf(label)}${row}`;
const DEBOUNCE_MS = 1;

/** Row 2 ready; row 3 has an error (FMT-02: a stage that is not in the list) at C3. */
const ONE_ERROR: Record<string, CellValue>[] = [validRow(), validRow({ No: 2, 'Nama Inovasi': 'Layanan Antar Obat', 'Tahapan Inovasi': 'Penerapn' })];

async function session(): Promise<{ fake: FakeExcel; controller: PaneController }> {
  const fake = createFakeExcel({ sheets: benchmarkSheets(ONE_ERROR.length, (i) => ONE_ERROR[i - 1]) });
  const port = createExcelAdapter(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost, { debounceMs: DEBOUNCE_MS });
  let clock = Date.parse('2026-11-28T09:30:00Z');
  const controller = new PaneController({ port, today: () => TODAY, now: () => new Date((clock += 1000)), loadXlsx: async () => xlsxModule });
  await controller.init();
  return { fake, controller };
}

/** Delivers the held events and waits out the adapter's debounce and whatever the pane starts. */
async function deliverEvents(fake: FakeExcel, controller: PaneController): Promise<void> {
  await fake.flushEvents();
  await sleep(DEBOUNCE_MS + 20);
  const pending = () => (controller as unknown as { refreshing: Promise<unknown> | null; validating: Promise<unknown> | null });
  while (pending().refreshing || pending().validating) await (pending().refreshing ?? pending().validating);
}

describe('onChanged arriving late', () => {
  // FAILS TODAY (the bug of issue 11), hence `test.failing`: the controller sets `dirty` whenever
  // an edit event arrives, so an event that reaches the pane after a validation has already read
  // the edited cell marks the workbook "edited since validation" and Stempel Final stays disabled.
  // The fix decides "edited since validation" from what the validation read (content hash or an
  // edit sequence number); the follow-up that fixes the controller flips this to `test`.
  test.failing('an edit the validation already read does not mark the workbook edited when its event arrives afterwards', async () => {
    const { fake, controller } = await session();
    await controller.validate();
    expect(controller.stampAllowance()).toMatchObject({ allowed: false, reason: 'stamp.openErrors' });

    // The user fixes the row; Excel is slow to tell the pane.
    fake.setEventDelivery('manual');
    fake.workbook.sheet('Inovasi').setValues(at('Tahapan Inovasi', 3), [['Penerapan']], { fireChange: true });
    expect(fake.heldEventCount).toBeGreaterThan(0);

    // "Validasi" again: the read sees the fix; 0 errors.
    await controller.validate();
    expect(controller.stampAllowance()).toMatchObject({ allowed: true });

    // Now the edit's event arrives: nothing changed since the validation read the sheet.
    await deliverEvents(fake, controller);
    expect(controller.getState().dirty).toBe(false);
    expect(controller.stampAllowance()).toMatchObject({ allowed: true, reason: 'stamp.ready' });
    expect(await controller.stamp('Auditor Kota')).toBe(true);
  });

  // The other side, which must keep holding after the fix: an edit made after the validation's read
  // (its event late as well) does mark the workbook edited.
  test('an edit made after the validation read the sheet marks it edited, however late its event', async () => {
    const { fake, controller } = await session();
    fake.workbook.sheet('Inovasi').setValues(at('Tahapan Inovasi', 3), [['Penerapan']]);
    await controller.validate();
    expect(controller.stampAllowance()).toMatchObject({ allowed: true });

    fake.setEventDelivery('manual');
    fake.workbook.sheet('Inovasi').setValues(at('Nama Inovasi', 2), [['Diubah sesudah validasi']], { fireChange: true });
    await deliverEvents(fake, controller);
    expect(controller.getState().dirty).toBe(true);
    expect(controller.stampAllowance()).toMatchObject({ allowed: false, reason: 'stamp.edited' });
  });
});
