/** The streaming writer's page setup and charts on their own: names that need quoting, parts and references, nothing when not asked. */
import { strFromU8, unzipSync } from 'fflate';
import { XlsxStreamWriter, memorySink } from '../../src/xlsx/xlsxStream';

async function write(build: (book: XlsxStreamWriter) => void): Promise<Record<string, string>> {
  const sink = memorySink();
  const book = new XlsxStreamWriter(sink, { date: new Date(Date.UTC(2026, 10, 28)) });
  build(book);
  await book.finish();
  return Object.fromEntries(Object.entries(unzipSync(sink.bytes())).map(([k, v]) => [k, strFromU8(v)]));
}

test('no print options, no chart: the sheet as before (no sheetPr, pageSetup, drawing or extra parts)', async () => {
  const p = await write((book) => book.addSheet('A').addRow(['x']));
  const xml = p['xl/worksheets/sheet1.xml'];
  expect(xml).not.toMatch(/sheetPr|pageSetup|headerFooter|printOptions|drawing/);
  expect(xml).toContain(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  expect(Object.keys(p).some((k) => /charts|drawings|worksheets\/_rels/.test(k))).toBe(false);
  expect(p['xl/workbook.xml']).not.toContain('definedNames');
});

test("print titles, area and header of a sheet named «O'Brien & Co», a chart referring to it", async () => {
  const name = "O'Brien & Co";
  const p = await write((book) => {
    book.addSheet('Pertama').addRow(['a']);
    const ws = book.addSheet(name, {
      print: {
        orientation: 'landscape',
        fitToWidth: 1,
        fitToHeight: 0,
        titleRows: { first: 2, last: 3 },
        printArea: { firstRow: 1, lastRow: 9, firstColumn: 1, lastColumn: 3 },
        header: '&C&"-,Bold"A && B',
        footer: '&RHalaman &P dari &N',
        gridLines: true,
      },
      charts: [
        {
          name: 'Grafik <1>',
          title: 'Judul & "kutip"',
          grouping: 'clustered',
          series: [
            {
              name: 'Nilai',
              nameRef: `'O''Brien & Co'!$B$1`,
              categoriesRef: `'O''Brien & Co'!$A$2:$A$3`,
              valuesRef: `'O''Brien & Co'!$B$2:$B$3`,
              categories: ['x<y', 'z'],
              values: [1, 2.5],
            },
          ],
          anchor: { fromColumn: 0, fromRow: 4, toColumn: 3, toRow: 9 },
        },
      ],
    });
    ws.addRow(['Kategori', 'Nilai']);
    ws.addRow(['x<y', 1]);
    ws.addRow(['z', 2.5]);
  });
  const wb = p['xl/workbook.xml'];
  expect(wb).toContain(
    `<definedName name="_xlnm.Print_Area" localSheetId="1">'O''Brien &amp; Co'!$A$1:$C$9</definedName>`,
  );
  expect(wb).toContain(
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">'O''Brien &amp; Co'!$2:$3</definedName>`,
  );
  const xml = p['xl/worksheets/sheet2.xml'];
  expect(xml).toMatch(
    /^<\?xml[^>]*>\n<worksheet [^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><sheetViews>/,
  );
  expect(xml).toContain('<printOptions gridLines="1"/><pageMargins');
  expect(xml).toContain(
    '<oddHeader>&amp;C&amp;&quot;-,Bold&quot;A &amp;&amp; B</oddHeader><oddFooter>&amp;RHalaman &amp;P dari &amp;N</oddFooter></headerFooter><drawing r:id="rId1"/></worksheet>',
  );
  // The first sheet has no drawing: the chart's drawing is drawing1, related from sheet2.
  expect(p['xl/worksheets/_rels/sheet2.xml.rels']).toContain('Target="../drawings/drawing1.xml"');
  expect(p['xl/worksheets/_rels/sheet1.xml.rels']).toBeUndefined();
  expect(p['xl/drawings/drawing1.xml']).toContain('name="Grafik &lt;1&gt;"');
  const chart = p['xl/charts/chart1.xml'];
  expect(chart).toContain('<c:grouping val="clustered"/>');
  expect(chart).not.toContain('<c:overlap');
  expect(chart).toContain(
    `<c:f>'O''Brien &amp; Co'!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>x&lt;y</c:v></c:pt>`,
  );
  expect(chart).toContain(
    '<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>2.5</c:v></c:pt></c:numCache>',
  );
  expect(chart).toContain('<a:t>Judul &amp; &quot;kutip&quot;</a:t>');
  // A series without a colour gets one of the palette (LibreOffice draws nothing without).
  expect(chart).toMatch(
    /<c:spPr><a:solidFill><a:srgbClr val="[0-9A-F]{6}"\/><\/a:solidFill><\/c:spPr><c:invertIfNegative/,
  );
  expect(p['[Content_Types].xml']).toContain('/xl/charts/chart1.xml');
});
