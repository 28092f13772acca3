/** Number formats every writer uses (Excel's format codes, the same in SpreadsheetML, exceljs and Office.js). */
export const NUMBER_FORMATS = {
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
  /** Money, counts and byte sizes. */
  integer: '#,##0',
  /** Years and days: digits as typed, no separator. */
  plain: '0',
  /** Text as written (a code such as «1.02», a phone number's leading 0). */
  text: '@',
  general: 'General',
} as const;

/**
 * Date cells of what people read (summary, documents): day, short month name and year in the
 * output's language whatever the PC's locale (`[$-421]` Indonesian, `[$-409]` English), so
 * `07/12/2026` is never read as 12 July (docs/spec/consolidation.md, *Printing and reading*).
 * The template keeps `dd/mm/yyyy`, the form OPD staff type.
 */
export const READER_DATE_FORMATS = {
  id: { date: '[$-421]d mmm yyyy', dateTime: '[$-421]d mmm yyyy hh:mm' },
  en: { date: '[$-409]d mmm yyyy', dateTime: '[$-409]d mmm yyyy hh:mm' },
} as const;
