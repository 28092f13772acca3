/**
 * The package parts the writer adds once every sheet is written: the root relationships, content
 * types, document properties (app.xml, core.xml), the workbook with its defined names (autofilter,
 * print area, print titles) and the workbook's relationships.
 */
import type { ColumnChart } from './columnCharts';
import { columnName, escapeXml, quotedSheetName, rangeRef } from './cellText';
import { NS_MAIN, NS_PKG_REL, NS_R, REL_DOC, XML_DECLARATION } from './ooxml';
import type { CellRange, SheetPrint } from './sheetLayout';

/** What the workbook parts need of a written sheet. */
export interface FinishedSheet {
  readonly name: string;
  readonly autoFilter: CellRange | null;
  readonly print: SheetPrint | null;
  readonly charts: readonly ColumnChart[];
}

export const ROOT_RELS =
  XML_DECLARATION +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL_DOC}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_DOC}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

/** W3CDTF without milliseconds: `2026-11-28T00:00:00Z`. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Each sheet's drawing number (1, 2, … in sheet order), 0 for a sheet without charts. */
export function drawingNumbers(sheets: readonly FinishedSheet[]): number[] {
  let drawings = 0;
  return sheets.map((s) => (s.charts.length ? ++drawings : 0));
}

/** `[Content_Types].xml`: sheets, drawings and charts numbered in sheet order. */
export function contentTypesXml(sheets: readonly FinishedSheet[]): string {
  let types =
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
  sheets.forEach((_, i) => {
    types += `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  });
  const drawings = sheets.filter((s) => s.charts.length).length;
  let chartCount = 0;
  for (let d = 1; d <= drawings; d++)
    types += `<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`;
  for (const s of sheets) {
    for (let k = 0; k < s.charts.length; k++)
      types += `<Override PartName="/xl/charts/chart${++chartCount}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`;
  }
  types +=
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>';
  return types;
}

/** `docProps/app.xml`: the application (our creator) and the sheet names. */
export function appXml(creatorName: string, sheets: readonly FinishedSheet[]): string {
  const creator = escapeXml(creatorName);
  let titles = '';
  for (const s of sheets) titles += `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`;
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${creator}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>'
  );
}

/** `docProps/core.xml`: creator and created/modified date. */
export function coreXml(creatorName: string, date: Date): string {
  const creator = escapeXml(creatorName);
  const when = w3cdtf(date);
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** `xl/workbook.xml`: the sheets, and each sheet's autofilter, print area and print titles as defined names. */
export function workbookXml(sheets: readonly FinishedSheet[]): string {
  let workbook =
    XML_DECLARATION +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>`;
  sheets.forEach((s, i) => {
    workbook += `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
  });
  workbook += '</sheets>';
  const filters = sheets.map(definedNames).join('');
  if (filters) workbook += `<definedNames>${filters}</definedNames>`;
  workbook += '</workbook>';
  return workbook;
}

/** The defined names of sheet `i` (0-based): `_xlnm._FilterDatabase`, `_xlnm.Print_Area`, `_xlnm.Print_Titles`. */
function definedNames(s: FinishedSheet, i: number): string {
  const q = quotedSheetName(s.name);
  let names = s.autoFilter
    ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${q}!${rangeRef(s.autoFilter, true)}`)}</definedName>`
    : '';
  if (s.print?.printArea)
    names += `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(`${q}!${rangeRef(s.print.printArea, true)}`)}</definedName>`;
  const t = s.print?.titleRows;
  const c = s.print?.titleColumns;
  const titles = [
    c && `${q}!$${columnName(c.first - 1)}:$${columnName(c.last - 1)}`,
    t && `${q}!$${t.first}:$${t.last}`,
  ]
    .filter(Boolean)
    .join(',');
  if (titles)
    names += `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(titles)}</definedName>`;
  return names;
}

/** `xl/_rels/workbook.xml.rels`: sheet i is rId i, the styles part follows them. */
export function workbookRelsXml(sheets: readonly FinishedSheet[]): string {
  let rels = XML_DECLARATION + `<Relationships xmlns="${NS_PKG_REL}">`;
  sheets.forEach((_, i) => {
    rels += `<Relationship Id="rId${i + 1}" Type="${REL_DOC}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
  });
  rels += `<Relationship Id="rId${sheets.length + 1}" Type="${REL_DOC}/styles" Target="styles.xml"/></Relationships>`;
  return rels;
}
