/**
 * `writeSummary`: the city summary (planned and queued by summary.ts) written into the open
 * workbook all or nothing. The new sheets are written very hidden under staging names
 * (`_ringkasan_…`) in budgeted syncs and swapped in by the last one; the sheets the tool wrote
 * before are remembered in a document setting, and a sheet of the user's is never replaced. After
 * a failure the staging sheets are removed (`discardStaging`, best effort).
 */
import { CitySummary } from '../engine/consolidate';
import { Lang } from '../engine/messages';
import { SyncBatcher, letters, opBytes } from './chunks';
import { SummaryCancelled, SummaryWriteOptions, SummaryWriteResult } from './port';
import { Session, same, sheetOf } from './session';
import { getSetting, setSetting } from './settings';
import {
  SUMMARY_SETTING,
  SUMMARY_STAGING_PREFIX,
  chooseTargets,
  finalPositions,
  planSummary,
  queueChart,
  queueSheetView,
  queueSummarySheet,
  sameSignature,
  storedSheets,
} from './summary';

/**
 * The city summary (summary.ts). Syncs: 1 reads the sheet list; then the new sheets are written
 * very hidden under staging names, in as many syncs as the payload budget needs, the first of them
 * also reading the header row of each remembered sheet (is it still ours?); the last one adds the
 * charts and swaps the new sheets in. The page setup (ExcelApi 1.9) is queued with each sheet's
 * cells and costs no sync of its own. A small summary takes three syncs; 60 workbooks × 300 rows
 * about one more per 3.75 MB of cells.
 */
export async function writeSummary(
  session: Session,
  summary: CitySummary,
  language: Lang,
  options: SummaryWriteOptions = {},
): Promise<SummaryWriteResult> {
  const plan = planSummary(summary, language, { region: options.region });
  // This consolidation's sheets (a sheet whose `applies` says no, e.g. Kesiapan IID without `iid`, is not among them).
  const names = plan.sheets.map((s) => s.base);
  const stored = storedSheets(await getSetting(session, SUMMARY_SETTING), names);
  const staging = `${SUMMARY_STAGING_PREFIX}${session.now().toString(36)}_`;
  const api19 = session.supports('1.9');
  const api18 = session.supports('1.8');
  // Thrown inside Excel.run (which wraps what it throws as an AdapterError), so remembered here.
  let cancelled = false;
  const stopIfCancelled = () => {
    if (!options.signal?.aborted) return;
    cancelled = true;
    throw new SummaryCancelled();
  };
  try {
    stopIfCancelled();
    return await session.run(async (context) => {
      const batcher = new SyncBatcher(context);
      const sheetsApi = context.workbook.worksheets;
      const list = sheetsApi.load('items/name,items/visibility');
      await batcher.flush();
      const before = list.items.map((ws) => ws.name);
      // Staging sheets an earlier failed write left (very hidden, as the tool makes them).
      const leftovers = list.items
        .filter(
          (ws) => ws.visibility === 'VeryHidden' && ws.name.toLowerCase().startsWith(SUMMARY_STAGING_PREFIX),
        )
        .map((ws) => ws.name);

      // The remembered sheets that still exist: their header rows come back with the first write sync.
      const headers = stored.map((name, i) => {
        const actual = name === null ? undefined : before.find((n) => same(n, name));
        if (actual === undefined) return null;
        const width = plan.sheets[i].signature.length;
        return {
          name: actual,
          range: sheetOf(context, actual)
            .getRange(`A1:${letters(Math.max(width, 1) - 1)}1`)
            .load('values'),
        };
      });
      const syncsBefore = batcher.syncs;
      const created: Excel.Worksheet[] = [];
      for (const [i, sheet] of plan.sheets.entries()) {
        await batcher.reserve(opBytes(`${staging}${i}`) * 2);
        const ws = sheetsApi.add(`${staging}${i}`);
        ws.visibility = 'VeryHidden';
        created.push(ws);
        await queueSummarySheet(batcher, ws, sheet, { api19 });
        options.onSheet?.(i + 1, plan.sheets.length);
        stopIfCancelled(); // only staged, very hidden sheets exist so far: the catch removes them
      }
      if (batcher.syncs === syncsBefore) await batcher.flush();

      // Ours: on the list, existing, still headed as the tool wrote it (and each claimed once).
      const claimed = new Set<string>();
      const owned = headers.map((h, i) => {
        if (
          !h ||
          claimed.has(h.name.toLowerCase()) ||
          !sameSignature(h.range.values[0], plan.sheets[i].signature)
        )
          return null;
        claimed.add(h.name.toLowerCase());
        return h.name;
      });
      const { targets, renamed } = chooseTargets(names, before, owned);
      // Remembered before the swap: if the swap fails, the list still covers the old sheets of ours.
      if (targets.some((t, i) => t !== stored[i])) await setSetting(session, SUMMARY_SETTING, targets);

      // The last sync: charts, then the swap. Nothing before it touched a visible sheet; past here the
      // write is not cancelled (the swap is one request).
      stopIfCancelled();
      for (const [i, sheet] of plan.sheets.entries())
        if (sheet.chart) await queueChart(batcher, created[i], sheet.chart, { api18 });
      const removed = new Set(
        [...owned.filter((n): n is string => n !== null), ...leftovers].map((n) => n.toLowerCase()),
      );
      const positions = finalPositions(before, owned, removed);
      await batcher.reserve(opBytes(targets) * 4 + 400 * (removed.size + 4 * created.length));
      for (const ws of created) ws.visibility = 'Visible';
      for (const name of before) if (removed.has(name.toLowerCase())) sheetOf(context, name).delete();
      created.forEach((ws, i) => void (ws.name = targets[i]));
      const order = created.map((ws, i) => ({ ws, at: positions[i] })).sort((a, b) => a.at - b.at);
      for (const { ws, at } of order) ws.position = at;
      // Shown now: the frozen header and the print setup (after the swap, in case the budget splits the sync).
      for (const [i, sheet] of plan.sheets.entries())
        await queueSheetView(batcher, created[i], sheet, { api19 });
      await batcher.flush();
      return { sheets: targets, renamed };
    });
  } catch (e) {
    await discardStaging(session, staging);
    throw cancelled ? new SummaryCancelled() : e;
  } finally {
    session.snapshot = null;
  }
}

/** After a failed summary write: removes its staging sheets (best effort; the next write removes any left). */
async function discardStaging(session: Session, prefix: string): Promise<void> {
  try {
    await session.run(async (context) => {
      const list = context.workbook.worksheets.load('items/name');
      await context.sync();
      const mine = list.items.filter((ws) => ws.name.toLowerCase().startsWith(prefix.toLowerCase()));
      if (!mine.length) return;
      for (const ws of mine) ws.delete();
      await context.sync();
    });
  } catch {
    // Excel is still refusing (a cell being edited…): the sheets are very hidden and go with the next write.
  }
}
