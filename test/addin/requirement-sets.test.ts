/**
 * The manifest promises ExcelApi 1.7 (docs/spec/addin.md). Every Excel member the add-in uses is looked up in
 * `@types/office-js` (its `[Api set: …]`, through TypeScript's type checker: see
 * `requirementSets.ts`); one above 1.7 may be used only if it is in GUARDED below, each entry a
 * reviewed claim that every use sits behind an `isSetSupported` check (the adapter's
 * `supports('1.x')`, which calls `Office.context.requirements.isSetSupported('ExcelApi', '1.x')`).
 * Adding a member here is a review decision: say where its guard is.
 */
import { compareVersions, excelMembersUsed, tsFilesUnder, type MemberUse } from './requirementSets';

const PROMISED = '1.7';

/** Members above 1.7, each with where the guard is (function and flag; files may be split or renamed). */
const GUARDED: Readonly<Record<string, string>> = {
  // ExcelApi 1.8: data validation.
  'Excel.Range.dataValidation':
    "template.ts applyValidation, only when TemplateOptions.validation (createTemplate: supports('1.8')); the Temuan sheet's decision drop-down in temuanStager: if (supports('1.8'))",
  'Excel.DataValidation.clear': 'template.ts applyValidation: TemplateOptions.validation',
  'Excel.DataValidation.rule':
    "applyValidation (TemplateOptions.validation) and temuanStager (supports('1.8'))",
  'Excel.DataValidation.prompt': 'applyValidation (TemplateOptions.validation)',
  'Excel.DataValidation.errorAlert':
    "applyValidation (TemplateOptions.validation) and temuanStager (supports('1.8'))",
  // The properties of the 1.8 options objects set there (seen by the checker since issue 22).
  'Excel.DataValidationRule.list':
    "temuanSheet.ts temuanStager: if (supports('1.8')); template.ts officeValidation (TemplateOptions.validation)",
  'Excel.DataValidationRule.date':
    'template.ts officeValidation, whose result only applyValidation sets (TemplateOptions.validation)',
  'Excel.DataValidationRule.wholeNumber': 'as DataValidationRule.date (officeValidation)',
  'Excel.DataValidationRule.decimal': 'as DataValidationRule.date (officeValidation)',
  'Excel.DataValidationRule.textLength': 'as DataValidationRule.date (officeValidation)',
  'Excel.DataValidationPrompt.showPrompt': 'template.ts applyValidation (TemplateOptions.validation)',
  'Excel.DataValidationPrompt.title': 'template.ts applyValidation (TemplateOptions.validation)',
  'Excel.DataValidationPrompt.message': 'template.ts applyValidation (TemplateOptions.validation)',
  'Excel.DataValidationErrorAlert.showAlert':
    "applyValidation (TemplateOptions.validation) and temuanStager (supports('1.8'))",
  'Excel.DataValidationErrorAlert.style':
    "applyValidation (TemplateOptions.validation) and temuanStager (supports('1.8'))",
  'Excel.DataValidationErrorAlert.title':
    "applyValidation (TemplateOptions.validation) and temuanStager (supports('1.8'))",
  'Excel.DataValidationErrorAlert.message':
    "applyValidation (TemplateOptions.validation) and temuanStager (supports('1.8'))",
  // ExcelApi 1.8: the summary chart's category labels turned (issue 21).
  'Excel.ChartAxis.textOrientation':
    "summary.ts queueChart: if (options.api18 && …) (writeSummary: api18 = supports('1.8'))",
  // ExcelApi 1.8: a file the pane made opened as a new workbook (issue 22: downloads go nowhere off the web).
  'Excel.createWorkbook':
    "files.ts openWorkbook: refused unless supports('1.8'); the pane offers it only when fileOffer() is 'newWorkbook' (supports('1.8'))",
  // ExcelApi 1.9: multi-area ranges, fill patterns, the autofilter.
  'Excel.Worksheet.getRanges':
    "queueFillReads / queueFills: const areas = supports('1.9'); summary.ts queueSummarySheet: QueueOptions.api19 (writeSummary: supports('1.9'))",
  'Excel.RangeAreas.format': 'as Worksheet.getRanges (the same expressions)',
  'Excel.RangeAreas.areas': "queueFillReads: areas = supports('1.9')",
  'Excel.RangeFill.pattern':
    "fillState(fill, withPattern) reads it only when withPattern (supports('1.9')); queueFillReads loads and queueFills sets it only when areas = supports('1.9')",
  'Excel.RangeFill.patternColor': 'as RangeFill.pattern',
  'Excel.Worksheet.autoFilter': 'summary.ts queueSummarySheet: if (sheet.filter && options.api19)',
  'Excel.AutoFilter.apply': 'as Worksheet.autoFilter',
  // ExcelApi 1.9: page layout (the summary sheets' print setup).
  'Excel.Worksheet.pageLayout':
    "pageLayout.ts queuePrintSetup, only called from summary.ts queueSheetView: if (options.api19) (writeSummary: supports('1.9')) and template.ts queueTemplate: if (o.pageLayout) (createTemplate: supports('1.9'))",
  'Excel.PageLayout.orientation': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.paperSize': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.zoom': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayoutZoomOptions.horizontalFitToPages':
    'as Worksheet.pageLayout (queuePrintSetup: the zoom object)',
  'Excel.PageLayoutZoomOptions.verticalFitToPages':
    'as Worksheet.pageLayout (queuePrintSetup: the zoom object)',
  'Excel.PageLayoutZoomOptions.scale': 'as Worksheet.pageLayout (queuePrintSetup: the zoom object)',
  'Excel.PageLayout.setPrintTitleRows': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.setPrintTitleColumns': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.setPrintArea': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.Worksheet.horizontalPageBreaks': 'as Worksheet.pageLayout (queuePrintSetup: the page breaks)',
  'Excel.PageBreakCollection.add': 'as Worksheet.pageLayout (queuePrintSetup: the page breaks)',
  'Excel.PageLayout.printGridlines': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.leftMargin': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.rightMargin': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.topMargin': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.bottomMargin': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.headerMargin': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.footerMargin': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.PageLayout.headersFooters': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.HeaderFooterGroup.defaultForAllPages': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.HeaderFooter.leftHeader': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.HeaderFooter.centerHeader': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.HeaderFooter.rightHeader': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.HeaderFooter.leftFooter': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.HeaderFooter.centerFooter': 'as Worksheet.pageLayout (queuePrintSetup)',
  'Excel.HeaderFooter.rightFooter': 'as Worksheet.pageLayout (queuePrintSetup)',
  // ExcelApi 1.20: one undo step per operation (issue 22).
  'Excel.RunOptions.mergeUndoGroup': "session.ts run: set only when supports('1.20')",
  // ExcelApi 1.18: notes.
  'Excel.Worksheet.notes':
    "readAll: supports('1.18') ? … : null; writeFlagsOnce and clearFlags: withNotes = supports('1.18')",
  'Excel.Note.content': 'as Worksheet.notes (read from, and written to, notes only reached through it)',
  'Excel.Note.delete': 'writeFlagsOnce / clearFlags: withNotes',
  'Excel.Note.getLocation': 'writeFlagsOnce: withNotes',
  'Excel.NoteCollection.getItemAt': 'writeFlagsOnce: withNotes',
  'Excel.NoteCollection.add': 'writeFlagsOnce: withNotes',
};

/** Uses beyond the promise that GUARDED does not cover. */
export function unguarded(
  uses: readonly MemberUse[],
  guarded: Readonly<Record<string, string>> = GUARDED,
): MemberUse[] {
  return uses.filter(
    (u) => (u.version === null || compareVersions(u.version, PROMISED) > 0) && !(u.member in guarded),
  );
}

const describeUse = (u: MemberUse) =>
  `${u.member} [Api set: ${u.apiSet}]${u.write ? ' (set)' : ''} at ${u.file}:${u.line}`;

// A file the checker must catch: fill patterns (1.9) and notes (1.18) used without a guard, next
// to members within 1.7 (values, the used range, onChanged) that it must not report.
const PROBE = `
export async function probe(context: Excel.RequestContext): Promise<unknown> {
  const ws = context.workbook.worksheets.getItem('Inovasi');
  const range = ws.getUsedRange().load('values,rowCount');
  ws.onChanged.add(async () => undefined);
  const fill = ws.getRange('A1').format.fill.load({ color: true, pattern: true });
  await context.sync();
  fill.patternColor = '#FF0000';
  await Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, async () => undefined);
  ws.getRanges('A1,B2').format.fill.color = '#FFFF00';
  return [range.values, fill.pattern, ws.notes];
}
`;

describe('requirement sets: ExcelApi 1.7 unless guarded', () => {
  let uses: MemberUse[] = [];
  let probe: MemberUse[] = [];
  beforeAll(() => {
    const all = excelMembersUsed(tsFilesUnder('src/addin'), {
      'src/addin/__requirement-set-probe__.ts': PROBE,
    });
    probe = all.filter((u) => u.file.includes('__requirement-set-probe__'));
    uses = all.filter((u) => !u.file.includes('__requirement-set-probe__'));
  }, 240_000);

  test('the checker sees the add-in: dozens of Excel members, with their sets', () => {
    const members = new Set(uses.map((u) => u.member));
    expect(members.size).toBeGreaterThan(30);
    // A few it must know, with the set @types/office-js declares.
    const setOf = (m: string) => uses.find((u) => u.member === m)?.version;
    expect(setOf('Excel.Range.values')).toBe('1.1');
    expect(setOf('Excel.Worksheet.getUsedRangeOrNullObject')).toBe('1.4');
    expect(setOf('Excel.Worksheet.onChanged')).toBe('1.7');
    expect(setOf('Excel.Worksheet.getRanges')).toBe('1.9');
  });

  test('every member above ExcelApi 1.7 is in the reviewed list of guarded members', () => {
    expect(unguarded(uses).map(describeUse)).toEqual([]);
  });

  test('the list holds no member the add-in no longer uses (it stays reviewed, not accumulated)', () => {
    const used = new Set(uses.map((u) => u.member));
    expect(Object.keys(GUARDED).filter((m) => !used.has(m))).toEqual([]);
    // And only members that need a guard.
    const above = new Set(
      uses.filter((u) => u.version === null || compareVersions(u.version, PROMISED) > 0).map((u) => u.member),
    );
    expect(Object.keys(GUARDED).filter((m) => !above.has(m))).toEqual([]);
  });

  test('the checker itself: 1.9 and 1.18 members used unguarded fail, 1.1–1.7 members and load strings are read right', () => {
    const failing = unguarded(probe, {});
    expect(
      [...new Set(failing.map((u) => `${u.member}${u.write ? ' (set)' : ''} ${u.version}`))].sort(),
    ).toEqual([
      'Excel.RangeAreas.format 1.9',
      'Excel.RangeFill.pattern 1.9', // in load({ pattern: true }) and read
      'Excel.RangeFill.patternColor (set) 1.9',
      'Excel.RunOptions.mergeUndoGroup (set) 1.20', // a property of an options object
      'Excel.Worksheet.getRanges 1.9',
      'Excel.Worksheet.notes 1.18',
    ]);
    expect(failing.filter((u) => u.member === 'Excel.RangeFill.pattern')).toHaveLength(2);
    const within = new Set(probe.filter((u) => !failing.includes(u)).map((u) => u.member));
    for (const m of [
      'Excel.Range.values',
      'Excel.Range.rowCount',
      'Excel.Worksheet.getUsedRange',
      'Excel.Worksheet.onChanged',
      'Excel.RangeFill.color',
    ])
      expect(within).toContain(m);
  });
});
