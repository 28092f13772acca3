/**
 * Who answers for a submission, from its `Identitas` (docs/spec/submission-workbook.md): the name, e-mail
 * and telephone a planner calls. One reading for the replication feedback (the source OPD's
 * contact) and `Tindak Lanjut` (the OPD to chase).
 */
import type { FileValidation } from './validate';
import { cellText } from './values';

export interface Contact {
  readonly nama: string | null;
  readonly email: string | null;
  readonly telepon: string | null;
}

/** The contact a validated file's `Identitas` gives, as written (blank cells are null). */
export function contactOf(v: FileValidation): Contact {
  const identity = v.submission?.identity;
  const text = (key: 'penanggungJawab' | 'email' | 'telepon') =>
    identity ? cellText(identity[key].raw) || null : null;
  return { nama: text('penanggungJawab'), email: text('email'), telepon: text('telepon') };
}
