/**
 * Column charts on a written sheet: the DrawingML chart parts, the sheet's drawing part that
 * anchors them, and the relationships between sheet, drawing and charts.
 */
import type { ChartSeries } from '../engine/printout';
import { escapeXml } from './cellText';
import { NS_PKG_REL, NS_R, REL_DOC, XML_DECLARATION } from './ooxml';

/**
 * One series of a column chart: cell references and the values they hold (cached in the chart part),
 * as the engine plans it (printout.ts); the fill may be left out (without one, a program without a
 * theme part — LibreOffice — draws no bar).
 */
export type ChartSeriesRef = Omit<ChartSeries, 'colour'> & { readonly colour?: string };

/** A column chart (DrawingML `barChart`, `barDir="col"`) anchored between two cells (0-based, `to` exclusive). */
export interface ColumnChart {
  readonly name: string;
  readonly title: string;
  readonly grouping: 'stacked' | 'clustered';
  readonly series: readonly ChartSeriesRef[];
  /** Axis titles (category axis, value axis), or none. */
  readonly axisTitles?: { readonly category: string; readonly value: string };
  /** Points of the axis labels, axis titles and legend; default 10. */
  readonly fontSize?: number;
  /** Points of the chart title; default `fontSize` + 2. */
  readonly titleFontSize?: number;
  /** Category labels turned by this many degrees (negative: rising to the right); default 0. */
  readonly labelAngle?: number;
  readonly anchor: {
    readonly fromColumn: number;
    readonly fromRow: number;
    readonly toColumn: number;
    readonly toRow: number;
  };
}

const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

/** A sheet's drawing part: one two-cell anchored graphic frame per chart, chart k is the drawing's rId k. */
export function drawingXml(charts: readonly ColumnChart[]): string {
  let xml = XML_DECLARATION + `<xdr:wsDr xmlns:xdr="${NS_DRAWING}" xmlns:a="${NS_A}">`;
  charts.forEach((c, i) => {
    const a = c.anchor;
    xml +=
      '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from><xdr:col>${a.fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  });
  return xml + '</xdr:wsDr>';
}

/** Series fills when none is given (Office's accent colours). */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

function strCache(values: readonly string[]): string {
  let xml = `<c:strCache><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => (xml += `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`));
  return xml + '</c:strCache>';
}

function numCache(values: readonly number[]): string {
  let xml = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => (xml += Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''));
  return xml + '</c:numCache>';
}

/** A text body of `sz` points (chart text properties), turned `angle` degrees. */
function chartText(sz: number, angle = 0, bold = false): string {
  return `<c:txPr><a:bodyPr${angle ? ` rot="${Math.round(angle * 60000)}" vert="horz"` : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(sz * 100)}"${bold ? ' b="1"' : ''}/></a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>`;
}

/** A chart or axis title of `sz` points, bold, turned `angle` degrees. */
function chartTitle(text: string, sz: number, angle = 0): string {
  const size = Math.round(sz * 100);
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${angle ? ` rot="${Math.round(angle * 60000)}" vert="horz"` : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="id-ID" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/**
 * A chart part: a column chart whose series refer to the sheet's cells and cache their values (so
 * a reader that does not recalculate shows them). Hidden cells are still plotted: filtering the
 * sheet's table must not empty the chart (its data table shares the rows).
 */
export function chartXml(c: ColumnChart): string {
  const sz = c.fontSize ?? 10;
  let series = '';
  c.series.forEach((s, i) => {
    series +=
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${/^[0-9A-Fa-f]{6}$/.test(s.colour ?? '') ? s.colour : PALETTE[i % PALETTE.length]}"/></a:solidFill></c:spPr>` +
      '<c:invertIfNegative val="0"/>' +
      `<c:cat><c:strRef><c:f>${escapeXml(s.categoriesRef)}</c:f>${strCache(s.categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
      '</c:ser>';
  });
  const stacked = c.grouping === 'stacked';
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    chartTitle(c.title, c.titleFontSize ?? sz + 2) +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${c.grouping}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    (c.axisTitles ? chartTitle(c.axisTitles.category, sz) : '') +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    chartText(sz, c.labelAngle ?? 0) +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    (c.axisTitles ? chartTitle(c.axisTitles.value, sz, -90) : '') +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    chartText(sz) +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>' +
    chartText(sz) +
    '</c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart>' +
    // An opaque white chart area with a thin border: the sheet's grid does not show through on paper.
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

/** A sheet's relationships: rId1 is its drawing, drawing number `drawing`. */
export function sheetRelsXml(drawing: number): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_DOC}/drawing" Target="../drawings/drawing${drawing}.xml"/></Relationships>`
  );
}

/** A drawing's relationships: its k-th chart (rId k) is chart number `firstChart` + k - 1. */
export function drawingRelsXml(firstChart: number, count: number): string {
  let drels = XML_DECLARATION + `<Relationships xmlns="${NS_PKG_REL}">`;
  for (let k = 0; k < count; k++)
    drels += `<Relationship Id="rId${k + 1}" Type="${REL_DOC}/chart" Target="../charts/chart${firstChart + k}.xml"/>`;
  return drels + '</Relationships>';
}
