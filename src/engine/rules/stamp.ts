/** KON-04 (audit.md, consolidation.md): raised by `consolidate` and `audit`, not by `validate`. */
import { Finding } from '../findings';
import { FileValidation } from '../validate';
import { sheetFinding } from './context';

/** No stamp, or content changed after stamping; null for a valid stamp or an unreadable file. */
export function stampFinding(v: FileValidation): Finding | null {
  if (!v.submission || v.stamp === 'valid') return null;
  if (v.stamp === 'none') return sheetFinding('KON-04', { sheet: null });
  const waktu = v.stampInfo?.waktu?.trim() ?? '';
  const tanggal = /^\d{4}-\d{2}-\d{2}/.test(waktu) ? waktu.slice(0, 10) : waktu || '?';
  return sheetFinding('KON-04', { sheet: null }, { params: { tanggal } });
}
