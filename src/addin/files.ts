/**
 * Handing the user a file the pane made (the feedback workbooks, the audit report). Only Excel on
 * the web lets an anchor or blob download reach the disk: the task pane's WKWebView on Mac and iPad
 * drops it (office-js #2700 "by design", #3385, #4681), and so does WebView2 on Windows. Excel's own
 * way there is `Excel.createWorkbook(base64)` (ExcelApi 1.8): the .xlsx opens as a new workbook the
 * user saves. Where neither works the pane says what to do instead.
 */
import { adapterError, toAdapterError } from './errors';
import { Session } from './session';

/** How a file reaches the user: the browser's download, a new Excel workbook, or neither. */
export type FileOffer = 'download' | 'newWorkbook' | 'none';

export function fileOffer(session: Session): FileOffer {
  let platform: unknown;
  try {
    platform = session.officeHost()?.context.platform;
  } catch {
    platform = undefined;
  }
  // No platform known (a browser outside Office, an old host): a download is all there is.
  if (platform === 'OfficeOnline' || platform === undefined) return 'download';
  return session.supports('1.8') ? 'newWorkbook' : 'none';
}

/** Base64 without a quadratic string: 32 KB of bytes per `String.fromCharCode` call. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Opens an .xlsx as a new workbook (its own window; the user saves it). Refused below ExcelApi 1.8. */
export async function openWorkbook(session: Session, bytes: Uint8Array): Promise<void> {
  const excel = session.excelHost();
  if (!excel) throw adapterError('noHost', session.lang());
  if (!session.supports('1.8') || !excel.createWorkbook) throw adapterError('unsupported', session.lang());
  try {
    await excel.createWorkbook(base64(bytes));
  } catch (e) {
    throw toAdapterError(e, session.lang());
  }
}
