/**
 * The Audit tab's report: the audit CSV of the open workbook as it is now, validated afresh without
 * writing anything, offered as a download — on Excel on the web. Where a download from the pane goes
 * nowhere (Mac, iPad, Windows: `fileOffer`), the same rows open as a new workbook the user saves;
 * where that is not supported either, the pane says what to do instead and claims no download.
 */
import { auditCsv, withStampFinding } from '../../engine/audit';
import { validateWorkbook } from '../../engine/validate';
import { auditXlsxBytes } from '../auditWorkbook';
import type { ReferenceController } from './reference';
import type { PaneSession } from './session';
import { type StampStatusController, signoffOfValidation } from './stampStatus';
import { OPEN_WORKBOOK } from './validation';

export const AUDIT_FILE_NAME = 'laporan-audit.csv';

export class AuditExportController {
  constructor(
    private readonly session: PaneSession,
    private readonly reference: ReferenceController,
    private readonly stampStatus: StampStatusController,
  ) {}

  /**
   * The audit CSV of the open workbook as it is now, offered as a download: the workbook is read and
   * validated afresh (nothing written), so the CSV is what the CLI's `audit` writes for this workbook —
   * decisions from `Temuan`, the stamp recomputed, KON-04 when it is missing or changed.
   */
  async exportAudit(): Promise<Blob | null> {
    const { store, port } = this.session;
    const offer = port.fileOffer();
    if (offer === 'none') {
      store.notify('warning', 'files.none', {});
      return null;
    }
    const blob = await this.session.run(async () => {
      const { grid } = await port.readSubmission();
      const reference = this.reference.resolve(grid);
      const v = validateWorkbook(grid, OPEN_WORKBOOK, {
        reference: reference.reference,
        today: this.session.today(),
      });
      const stamp = signoffOfValidation(v, grid);
      store.set({ stamp });
      await this.stampStatus.report(stamp);
      const files = [withStampFinding(v, reference.reference)];
      if (offer === 'newWorkbook')
        await port.openWorkbook(await auditXlsxBytes(files, store.lang, this.session.now()));
      return new Blob([auditCsv(files, store.lang)], { type: 'text/csv;charset=utf-8' });
    });
    if (!blob) return null;
    if (offer === 'newWorkbook') {
      store.announce('audit.opened', {});
      return blob;
    }
    this.session.download(AUDIT_FILE_NAME, blob);
    store.announce('audit.exported', { berkas: AUDIT_FILE_NAME });
    return blob;
  }
}
