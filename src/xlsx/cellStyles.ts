/**
 * The writer's fixed style table: every combination of wrapped or not × bold or not × fill ×
 * number format, so the styles part (styles.xml) is known before any cell is written.
 */
import { READER_DATE_FORMATS } from '../engine/design/formats';
import { SummaryFill, argb } from '../engine/design/palette';
import { escapeXml } from './cellText';
import { NS_MAIN, XML_DECLARATION } from './ooxml';

/** A fill of the engine's palette (engine/design/palette.ts). */
export type FillColour = SummaryFill;
export type NumberFormat = 'general' | 'date' | 'dateTime' | 'integer';

export interface CellStyle {
  readonly bold?: boolean;
  readonly fill?: FillColour | null;
  readonly format?: NumberFormat;
  /** Wrap the text within the column's width, top-aligned (a header: centred vertically). */
  readonly wrap?: boolean;
}

/** ARGB of each fill: the palette's colours with SpreadsheetML's `FF` alpha. */
export const FILL_ARGB: Readonly<Record<FillColour, string>> = {
  header: argb('header'),
  green: argb('green'),
  amber: argb('amber'),
  grey: argb('grey'),
  red: argb('red'),
};

const FILLS: readonly (FillColour | null)[] = [null, 'header', 'green', 'amber', 'grey', 'red'];
export const FORMATS: readonly NumberFormat[] = ['general', 'date', 'dateTime', 'integer'];
/** numFmtId of each format: General, two custom ones, built-in 3 (`#,##0`). */
const FORMAT_IDS: readonly number[] = [0, 164, 165, 3];
export const FORMAT_DATE = 1;
export const FORMAT_DATE_TIME = 2;
export const STYLE_COUNT = 2 * 2 * FILLS.length * FORMATS.length;

/** The cell style index (`s`) of a style; the table holds every combination. */
export function styleId(style: CellStyle): number {
  const fill = FILLS.indexOf(style.fill ?? null);
  const format = FORMATS.indexOf(style.format ?? 'general');
  if (fill < 0 || format < 0) throw new RangeError(`unknown style ${JSON.stringify(style)}`);
  return (
    (style.wrap ? 2 * FILLS.length * FORMATS.length : 0) +
    (style.bold ? FILLS.length * FORMATS.length : 0) +
    fill * FORMATS.length +
    format
  );
}

export const STYLE_DEFAULT = 0;
/** Bold, light-blue fill, vertically centred: a header row. */
export const STYLE_HEADER = styleId({ bold: true, fill: 'header' });
/** A header row whose labels wrap. */
export const STYLE_HEADER_WRAP = styleId({ bold: true, fill: 'header', wrap: true });

/** The styles part; date cells' month names in `lang`. */
export function stylesXml(lang: 'id' | 'en'): string {
  const dates = READER_DATE_FORMATS[lang];
  const fonts =
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>';
  let fills = `<fills count="${FILLS.length + 1}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`;
  for (const f of FILLS) {
    if (f)
      fills += `<fill><patternFill patternType="solid"><fgColor rgb="${FILL_ARGB[f]}"/><bgColor indexed="64"/></patternFill></fill>`;
  }
  fills += '</fills>';
  let xfs = `<cellXfs count="${STYLE_COUNT}">`;
  for (let wrap = 0; wrap < 2; wrap++) {
    for (let bold = 0; bold < 2; bold++) {
      for (let fill = 0; fill < FILLS.length; fill++) {
        for (let format = 0; format < FORMATS.length; format++) {
          const fillId = fill === 0 ? 0 : fill + 1; // 0 none, 1 gray125 (required), then ours
          const header = FILLS[fill] === 'header';
          const alignment = wrap
            ? `<alignment vertical="${header ? 'center' : 'top'}" wrapText="1"/>`
            : header
              ? '<alignment vertical="center"/>'
              : '';
          xfs +=
            `<xf numFmtId="${FORMAT_IDS[format]}" fontId="${bold}" fillId="${fillId}" borderId="0" xfId="0"` +
            (format ? ' applyNumberFormat="1"' : '') +
            (bold ? ' applyFont="1"' : '') +
            (fill ? ' applyFill="1"' : '') +
            (alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>');
        }
      }
    }
  }
  xfs += '</cellXfs>';
  return (
    XML_DECLARATION +
    `<styleSheet xmlns="${NS_MAIN}">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="${escapeXml(dates.date)}"/><numFmt numFmtId="165" formatCode="${escapeXml(dates.dateTime)}"/></numFmts>` +
    fonts +
    fills +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    xfs +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}
