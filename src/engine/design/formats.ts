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
