/** The fake Excel host behaves like Office.js where the adapter depends on it. */
import { columnLetters, columnNumber, parseAddress, splitAreas } from './address';
import { FIVE_MB, createFakeExcel, installFakeOffice } from './index';
import { RangeAreas, Worksheet } from './proxies';

describe('A1 addressing', () => {
  it('parses cells, ranges, sheet-qualified and quoted addresses, whole rows and columns', () => {
    expect(parseAddress('A1')).toEqual({ sheet: null, r0: 0, c0: 0, r1: 0, c1: 0 });
    expect(parseAddress('Inovasi!A1:C3')).toEqual({ sheet: 'Inovasi', r0: 0, c0: 0, r1: 2, c1: 2 });
    expect(parseAddress("'Lembar Satu'!$B$2")).toEqual({ sheet: 'Lembar Satu', r0: 1, c0: 1, r1: 1, c1: 1 });
    expect(parseAddress("'It''s'!A1")?.sheet).toBe("It's");
    expect(parseAddress('AA10:AF12')).toMatchObject({ r0: 9, c0: 26, r1: 11, c1: 31 });
    expect(parseAddress('C:E')).toMatchObject({ r0: 0, c0: 2, r1: 1_048_575, c1: 4 });
    expect(parseAddress('3:5')).toMatchObject({ r0: 2, c0: 0, r1: 4, c1: 16_383 });
    expect(parseAddress('A1:B')).toBeNull();
    expect(parseAddress('1A')).toBeNull();
    expect(splitAreas("A1,'x,y'!B2:C3, D4")).toEqual(['A1', "'x,y'!B2:C3", 'D4']);
  });

  it('converts column letters both ways, AA and beyond', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(31)).toBe('AF');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
    for (const n of [0, 25, 26, 51, 52, 701, 702, 16_383]) expect(columnNumber(columnLetters(n))).toBe(n);
  });
});

describe('load/sync semantics', () => {
  it('throws PropertyNotLoaded before load + sync, and reads after', async () => {
    const fake = createFakeExcel({
      sheets: {
        Inovasi: [
          ['a', 1],
          ['b', 2],
        ],
      },
    });
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Inovasi').getRange('A1:B2');
      expect(() => range.values).toThrow(
        /The property 'values' is not available. Before reading the property's value, call the load method/,
      );
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded|not available/);
      expect(() => range.address).toThrow(/not available/);
    });
  });

  it('accepts every load form: string, list, object, select/expand, navigation paths', async () => {
    const fake = createFakeExcel({ sheets: { Inovasi: [['x']] } });
    fake.workbook.sheet('Inovasi').setFill('A1', '#FFC7CE');
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Inovasi');
      const a = ws.getRange('A1').load('values, numberFormat');
      const b = ws.getRange('A1').load(['address', 'valueTypes']);
      const c = ws.getRange('A1').load({ rowCount: true, format: { fill: { color: true } } });
      const d = ws.getRange('A1').load({ select: 'columnCount', expand: 'format/fill' });
      const e = ws.getRange('A1').load('format/font/bold');
      await context.sync();
      expect([a.values, a.numberFormat]).toEqual([[['x']], [['General']]]);
      expect([b.address, b.valueTypes]).toEqual(['Inovasi!A1', [['String']]]);
      expect([c.rowCount, c.format.fill.color]).toEqual([1, '#FFC7CE']);
      expect(d.columnCount).toBe(1);
      expect(d.format.fill.color).toBe('#FFC7CE');
      expect(e.format.font.bold).toBe(false);
    });
  });

  it('queues writes and applies them only at sync; a local set is readable', async () => {
    const fake = createFakeExcel({ sheets: { Inovasi: [] } });
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Inovasi').getRange('B2:C2');
      range.values = [['satu', 'dua']];
      range.format.fill.color = '#ffeb9c';
      expect(fake.workbook.sheet('Inovasi').value('B2')).toBeNull();
      expect(range.values).toEqual([['satu', 'dua']]);
      await context.sync();
    });
    const sheet = fake.workbook.sheet('Inovasi');
    expect(sheet.values('B2:C2')).toEqual([['satu', 'dua']]);
    expect(sheet.fill('C2')).toBe('#FFEB9C');
    expect(fake.stats.syncCount).toBe(1);
  });

  it('converts written text like typing, except in text-formatted cells; null leaves a cell unchanged', async () => {
    const fake = createFakeExcel({ sheets: { S: [[null, null, null, null, null, 'tetap']] } });
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1:F1').values = [['2.10', '2026-11-28', "'007", '#N/A', 'TRUE', null]];
      const text = ws.getRange('A2');
      text.numberFormat = [['@']];
      text.values = [['2.10']];
      await context.sync();
    });
    const s = fake.workbook.sheet('S');
    expect(s.values('A1:F1')).toEqual([[2.1, 46354, '007', '#N/A', true, 'tetap']]);
    expect(s.cell('B1').numberFormat).toBe('yyyy-mm-dd');
    expect(s.cell('D1').error).toBe('#N/A');
    expect(s.value('A2')).toBe('2.10');
  });

  it('rejects a values array of the wrong size, stopping the batch at that action', async () => {
    const fake = createFakeExcel({ sheets: { S: [] } });
    await expect(
      fake.Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [['before']];
        ws.getRange('A2:B2').values = [['only one']];
        ws.getRange('A3').values = [['after']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.workbook.sheet('S').values('A1:A3')).toEqual([['before'], [null], [null]]);
  });

  it('reads dates as serial numbers with their number format, errors by valueTypes', async () => {
    const fake = createFakeExcel({
      sheets: { S: [[{ date: '2024-03-01' }, { error: '#REF!' }, '', true, 12.5]] },
    });
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem('S')
        .getRange('A1:E1')
        .load('values, numberFormat, valueTypes, text');
      await context.sync();
      expect(r.values).toEqual([[45352, '#REF!', '', true, 12.5]]);
      expect(r.numberFormat[0][0]).toBe('dd/mm/yyyy');
      expect(r.valueTypes).toEqual([['Double', 'Error', 'Empty', 'Boolean', 'Double']]);
      expect(r.text[0][0]).toBe('01/03/2024');
    });
  });

  it("seeds cells of the engine's grid shape (dates, errors) as Excel holds them", async () => {
    const fake = createFakeExcel({
      sheets: {
        S: [
          [
            { kind: 'date', serial: 45352 },
            { kind: 'error', code: '#VALUE!' },
          ],
        ],
      },
    });
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem('S')
        .getRange('A1:B1')
        .load('values, numberFormat, valueTypes');
      await context.sync();
      expect([r.values[0], r.numberFormat[0][0], r.valueTypes[0]]).toEqual([
        [45352, '#VALUE!'],
        'dd/mm/yyyy',
        ['Double', 'Error'],
      ]);
    });
  });

  it('resolves null objects at sync: isNullObject is unavailable before', async () => {
    const fake = createFakeExcel({ sheets: { Ada: [['x']], Kosong: [] } });
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const missing = sheets.getItemOrNullObject('Tidak Ada');
      const present = sheets.getItemOrNullObject('ada');
      const empty = sheets.getItem('Kosong').getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(empty.isNullObject).toBe(true);
    });
  });

  it('fails a sync on a missing item with ItemNotFound', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Tidak Ada').getRange('A1').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound', name: 'RichApi.Error' });
  });

  it('loads collections: items only after sync, with item properties and nested paths', async () => {
    const fake = createFakeExcel({ sheets: { A: [], B: { visibility: 'VeryHidden' } } });
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      expect(() => sheets.items).toThrow(/not available/);
      await context.sync();
      expect(sheets.items.map((s: Worksheet) => [s.name, s.visibility])).toEqual([
        ['A', 'Visible'],
        ['B', 'VeryHidden'],
      ]);
      expect(() => sheets.items[0].position).toThrow(/not available/);
    });
  });
});

describe('worksheets, tables, validation, notes, events', () => {
  it('adds, renames, hides, moves and deletes sheets; refuses duplicates', async () => {
    const fake = createFakeExcel({ sheets: { Inovasi: [['x']] } });
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const t = sheets.add('_tanda');
      t.visibility = 'VeryHidden';
      const r = sheets.add('Riwayat');
      r.position = 0;
      await context.sync();
      sheets.add('riwayat');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      sheets.getItem('Inovasi').delete();
      sheets.getItem('Riwayat').delete();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    // The first delete ran; the second would have left no visible sheet.
    expect(fake.workbook.sheetNames).toEqual(['Riwayat', '_tanda']);
    expect(fake.workbook.sheet('_tanda').visibility).toBe('VeryHidden');
  });

  it('used ranges: values-only, empty sheet as A1 or a null object', async () => {
    const fake = createFakeExcel({
      sheets: {
        S: {
          rows: [
            ['a', null],
            [null, 'b'],
          ],
          topLeft: 'C3',
        },
        E: [],
      },
    });
    fake.workbook.sheet('S').setFill('F9', 'yellow');
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('S');
      const v = s.getUsedRange(true).load('address');
      const all = s.getUsedRange().load('address');
      const e = context.workbook.worksheets.getItem('E').getUsedRange().load('address');
      await context.sync();
      expect([v.address, all.address, e.address]).toEqual(['S!C3:D4', 'S!C3:F9', 'E!A1']);
    });
  });

  it('tables with headers, frozen rows, widths, data validation gated to ExcelApi 1.8', async () => {
    const fake = createFakeExcel({ sheets: { Inovasi: [['No', 'Nama', 'Tahapan']] }, apiVersion: '1.8' });
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Inovasi');
      const table = ws.tables.add('A1:C4', true);
      table.name = 'TabelInovasi';
      ws.freezePanes.freezeRows(1);
      ws.getRange('B:B').format.columnWidth = 200;
      const dv = table.getDataBodyRange().getColumn(2).dataValidation;
      dv.rule = { list: { source: 'Inisiatif,Uji Coba,Penerapan', inCellDropDown: true } };
      dv.prompt = { title: 'Tahapan Inovasi', message: 'Pilih tahapan.', showPrompt: true };
      const header = table.getHeaderRowRange().load('address');
      await context.sync();
      expect(header.address).toBe('Inovasi!A1:C1');
    });
    const s = fake.workbook.sheet('Inovasi');
    expect(s.tables.map((t) => [t.name, t.rect])).toEqual([['TabelInovasi', { r0: 0, c0: 0, r1: 3, c1: 2 }]]);
    expect(s.frozenRows).toBe(1);
    expect(s.columnWidths.get(1)).toBe(200);
    expect(s.validation('C3')?.rule?.list?.source).toBe('Inisiatif,Uji Coba,Penerapan');
    expect(s.validation('B3')).toBeNull();

    fake.setApiVersion('1.7');
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Inovasi').getRange('D2').dataValidation.rule = {
          wholeNumber: { formula1: 0, operator: 'GreaterThan' },
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('notes (1.18): add, read by address, delete; no notes API on 1.17', async () => {
    const fake = createFakeExcel({ sheets: { S: [['x']] } });
    await fake.Excel.run(async (context) => {
      const notes = context.workbook.worksheets.getItem('S').notes;
      notes.add('B2', 'catatan');
      await context.sync();
      const n = notes.getItemOrNullObject('B2').load('content');
      const none = notes.getItemOrNullObject('C3').load('content');
      const all = notes.load('items/content');
      await context.sync();
      expect([n.isNullObject, n.content, none.isNullObject]).toEqual([false, 'catatan', true]);
      expect(all.items.map((x) => x.content)).toEqual(['catatan']);
      all.items[0].delete();
      await context.sync();
    });
    expect(fake.workbook.sheet('S').noteMap()).toEqual({});
    fake.setApiVersion('1.17');
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').notes.add('A1', 'x');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('fills: no fill reads as #FFFFFF with pattern None; pattern needs 1.9; clear restores no fill', async () => {
    const fake = createFakeExcel({ sheets: { S: [['a', 'b']] } });
    fake.workbook.sheet('S').setFill('B1', '#FFFFFF');
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const a = ws.getRange('A1').format.fill.load('color, pattern');
      const b = ws.getRange('B1').format.fill.load('color, pattern');
      const both = ws.getRange('A1:B1').format.fill.load('color, pattern');
      await context.sync();
      expect([a.color, a.pattern, b.color, b.pattern, both.color, both.pattern]).toEqual([
        '#FFFFFF',
        'None',
        '#FFFFFF',
        'Solid',
        '#FFFFFF',
        null,
      ]);
      ws.getRange('B1').format.fill.clear();
      await context.sync();
    });
    expect(fake.workbook.sheet('S').cell('B1').fill).toBeNull();
  });

  it('multi-area ranges (1.9): fill many cells in one action, read each area', async () => {
    const fake = createFakeExcel({ sheets: { S: [['a']] } });
    fake.workbook.sheet('S').setFill('C7', '#00B050');
    await fake.Excel.run(async (context) => {
      const areas: RangeAreas = context.workbook.worksheets.getItem('S').getRanges('A1,C7,AA10:AB10');
      const list = areas.areas.load('items/address,items/format/fill/color');
      await context.sync();
      expect(list.items.map((r) => [r.address, r.format.fill.color])).toEqual([
        ['S!A1', '#FFFFFF'],
        ['S!C7', '#00B050'],
        ['S!AA10:AB10', '#FFFFFF'],
      ]);
      areas.format.fill.color = '#FFC7CE';
      await context.sync();
    });
    expect(['A1', 'C7', 'AB10'].map((a) => fake.workbook.sheet('S').fill(a))).toEqual([
      '#FFC7CE',
      '#FFC7CE',
      '#FFC7CE',
    ]);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets
          .getItem('S')
          .getRanges(Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(','))
          .format.fill.clear();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('onChanged: handlers registered at sync, fired for edits, removed through the result', async () => {
    const fake = createFakeExcel({ sheets: { S: [] } });
    const seen: string[] = [];
    const result = await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem('S')
        .onChanged.add(async (e) => void seen.push(e.address));
      await context.sync();
      return r;
    });
    fake.fireChange('S', 'B2:C4');
    fake.workbook.sheet('S').setValues('D9', [['x']], { fireChange: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['B2:C4', 'D9']);
    await fake.Excel.run(result.context, async (context) => {
      result.remove();
      await context.sync();
    });
    fake.fireChange('S', 'A1');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(2);
  });

  it('selection and settings', async () => {
    const fake = createFakeExcel({ sheets: { A: [], B: [] } });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('B').getRange('C5').select();
      await context.sync();
    });
    expect(fake.workbook.selection).toEqual({ sheet: 'B', address: 'C5' });
    const settings = fake.Office.context.document.settings;
    settings.set('k', { a: 1 });
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(settings.get('k')).toEqual({ a: 1 });
    expect(settings.get('none')).toBeNull();
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.19')).toBe(false);
  });
});

describe('page layout (ExcelApi 1.9)', () => {
  test('orientation, zoom, print titles, margins and header/footer are kept as set; 1.7 refuses', async () => {
    const fake = createFakeExcel({ sheets: { S: [['a']] } });
    await fake.Excel.run(async (context) => {
      const pl = context.workbook.worksheets.getItem('S').pageLayout;
      pl.orientation = 'Landscape';
      pl.zoom = { horizontalFitToPages: 1 };
      pl.setPrintTitleRows('$1:$1');
      pl.leftMargin = 28.8;
      pl.headersFooters.defaultForAllPages.centerHeader = '&"-,Bold"S';
      await context.sync();
      const back = pl.load('orientation,zoom');
      const hf = pl.headersFooters.defaultForAllPages.load('centerHeader');
      await context.sync();
      expect(back.orientation).toBe('Landscape');
      expect(hf.centerHeader).toBe('&"-,Bold"S');
    });
    expect(fake.workbook.sheet('S').pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: '1:1',
      leftMargin: 28.8,
      centerHeader: '&"-,Bold"S',
    });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').pageLayout.setPrintTitleRows('A1:B1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    const old = createFakeExcel({ sheets: { S: [['a']] }, apiVersion: '1.7' });
    await expect(
      old.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('manual page breaks before rows: kept once each, in order; none before row 1; 1.8 refuses', async () => {
    const fake = createFakeExcel({ sheets: { S: [['a']] } });
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.horizontalPageBreaks.add('A20');
      ws.horizontalPageBreaks.add(ws.getRange('C7:D9'));
      ws.horizontalPageBreaks.add('A20');
      await context.sync();
    });
    expect(fake.workbook.sheet('S').pageLayout).toEqual({ horizontalPageBreaks: [7, 20] });
    const add = (f: typeof fake, at: string) =>
      f.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').horizontalPageBreaks.add(at);
        await context.sync();
      });
    await expect(add(fake, 'A1')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      add(createFakeExcel({ sheets: { S: [['a']] }, apiVersion: '1.8' }), 'A5'),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('charts and autofilter', () => {
  it("records a chart: type, source (following the sheet's name), series, title, name, position", async () => {
    const fake = createFakeExcel({
      sheets: {
        Data: [
          ['OPD', 'A', 'B'],
          ['X', 1, 2],
          ['Y', 3, 4],
        ],
      },
    });
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      const chart = ws.charts.add('ColumnStacked', ws.getRange('A1:C3'), 'Columns');
      chart.title.text = 'Judul';
      chart.name = 'Grafik';
      chart.setPosition('E2', 'L15');
      ws.name = 'Data Baru';
      await context.sync();
      const count = ws.charts.getCount();
      await context.sync();
      expect(count.value).toBe(1);
    });
    expect(fake.workbook.sheet('Data Baru').chartInfo()).toEqual([
      {
        name: 'Grafik',
        type: 'ColumnStacked',
        seriesBy: 'Columns',
        source: "'Data Baru'!A1:C3",
        title: 'Judul',
        position: { start: 'E2', end: 'L15' },
      },
    ]);
    await expect(
      fake.Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Data Baru');
        ws.charts.add('Kue', ws.getRange('A1:C3'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it("keeps a chart's texts as set: axis titles, fonts, legend; label angle from 1.8; reads them back after load", async () => {
    const fake = createFakeExcel({
      sheets: {
        Data: [
          ['OPD', 'A'],
          ['X', 1],
        ],
      },
      apiVersion: '1.8',
    });
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      const chart = ws.charts.add('ColumnStacked', ws.getRange('B2'), 'Columns');
      chart.title.text = 'Judul';
      chart.title.format.font.size = 14;
      const category = chart.axes.categoryAxis;
      category.title.text = 'OPD';
      category.title.format.font.size = 12;
      category.format.font.size = 12;
      category.textOrientation = 45;
      chart.axes.valueAxis.title.text = 'Jumlah';
      chart.legend.position = 'Bottom';
      chart.legend.format.font.size = 12;
      await context.sync();
      const size = category.format.font.load('size');
      const title = category.title.load('text,visible');
      await context.sync();
      expect([size.size, title.text, title.visible]).toEqual([12, 'OPD', true]);
    });
    expect(fake.workbook.sheet('Data').chartText()).toEqual([
      {
        title: 'Judul',
        titleSize: 14,
        categoryTitle: 'OPD',
        valueTitle: 'Jumlah',
        categoryTitleSize: 12,
        valueTitleSize: null,
        categoryLabelSize: 12,
        valueLabelSize: null,
        categoryTextOrientation: 45,
        legend: { visible: true, position: 'Bottom', size: 12 },
      },
    ]);
    const refused = (set: (chart: ReturnType<Worksheet['charts']['add']>) => void) =>
      fake.Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Data');
        set(ws.charts.add('ColumnStacked', ws.getRange('B2'), 'Columns'));
        await context.sync();
      });
    await expect(refused((c) => void (c.axes.categoryAxis.textOrientation = 100))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(refused((c) => void (c.legend.format.font.size = 0))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    fake.setApiVersion('1.7');
    await expect(refused((c) => void (c.axes.categoryAxis.textOrientation = 45))).rejects.toMatchObject({
      code: 'ApiNotFound',
    });
  });

  it('applies an autofilter from ExcelApi 1.9 on', async () => {
    const fake = createFakeExcel({ sheets: { S: [['a'], [1]] }, apiVersion: '1.9' });
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.autoFilter.apply(ws.getRange('A1:A2'));
      await context.sync();
    });
    expect(fake.workbook.sheet('S').autoFilterAddress()).toBe('A1:A2');
    fake.setApiVersion('1.8');
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').autoFilter.apply('A1:A2');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('counters and limits', () => {
  it('counts syncs and measures request payload in Office wire shape', async () => {
    const fake = createFakeExcel({ sheets: { S: [] } });
    const big = Array.from({ length: 1000 }, (_, i) => [`nilai ${i}`, i]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1000').values = big;
      await context.sync();
      context.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await context.sync();
    });
    expect(fake.stats.syncCount).toBe(2);
    const [write, read] = fake.stats.log;
    expect(write.requestBytes).toBeGreaterThan(JSON.stringify(big).length);
    expect(write.ops).toEqual({ 'set:values': 1 });
    expect(read.requestBytes).toBeLessThan(600); // root, worksheets, getItem, getRange, query
    expect(read.responseBytes).toBeGreaterThan(0);
    expect(fake.stats.maxSyncPayloadBytes).toBe(write.requestBytes);
  });

  it('refuses a request over 5 MB like Excel on the web, applying nothing', async () => {
    const fake = createFakeExcel({ sheets: { S: [] } });
    const rows = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A60000').values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.workbook.sheet('S').usedRect(true)).toBeNull();
    expect(fake.options.requestLimitBytes).toBe(FIVE_MB);
  });

  it('can enforce a response limit too', async () => {
    const fake = createFakeExcel({
      sheets: { S: Array.from({ length: 100 }, () => ['y'.repeat(100)]) },
      responseLimitBytes: 5000,
    });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getUsedRange().load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('fails syncs while a cell is being edited', async () => {
    const fake = createFakeExcel();
    fake.setEditing(true);
    await expect(fake.Excel.run(async (context) => context.sync())).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });
  });

  it('fails the nth sync on request (nothing of it applied), then works again', async () => {
    const fake = createFakeExcel({ sheets: { S: [] } });
    fake.failSync(2, 'GeneralException');
    await expect(
      fake.Excel.run(async (context) => {
        const s = context.workbook.worksheets.getItem('S');
        s.getRange('A1').values = [['eins']];
        await context.sync();
        s.getRange('A2').values = [['zwei']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fake.workbook.sheet('S').values()).toEqual([['eins']]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A2').values = [['zwei']];
      await context.sync();
    });
    expect(fake.workbook.sheet('S').values()).toEqual([['eins'], ['zwei']]);
    expect(fake.stats.failedSyncs).toBe(1);
  });

  it('flushes what a batch left queued, and counts it', async () => {
    const fake = createFakeExcel({ sheets: { S: [] } });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
    });
    expect([fake.stats.syncCount, fake.stats.implicitSyncs, fake.workbook.sheet('S').value('A1')]).toEqual([
      1,
      1,
      'x',
    ]);
  });

  it('installs and uninstalls the globals', () => {
    const fake = createFakeExcel();
    const g: Record<string, unknown> = { Excel: 'old' };
    const restore = installFakeOffice(g, fake);
    expect(g.Excel).toBe(fake.Excel);
    expect(g.Office).toBe(fake.Office);
    restore();
    expect(g.Excel).toBe('old');
  });
});
