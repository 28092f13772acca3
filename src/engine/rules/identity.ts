/** Checks of the `Identitas` sheet: STR-05, STR-06, STR-07, FMT-03/04/08 on identity values, RPJ-05. */
import { isNoResultCell } from '../grid';
import { IdentityKey, IDENTITY, TEMPLATE_VERSION } from '../schema';
import { nearest } from '../text';
import { cellText, isEmail, isPhone } from '../values';
import { Emit, RuleContext, identityFinding, nearestHint, sheetFinding } from './context';
import { SHEET_IDENTITAS } from '../schema';

const REQUIRED: readonly IdentityKey[] = ['opd', 'tahun', 'penanggungJawab'];

export function checkIdentity(ctx: RuleContext, emit: Emit): void {
  const { identity, identitasSheet } = ctx.submission;
  if (identitasSheet === null) {
    // A missing sheet is one STR-05, not one per label.
    const labels = REQUIRED.map((k) => IDENTITY.find((d) => d.key === k)!.label).join(', ');
    emit(sheetFinding('STR-05', { sheet: SHEET_IDENTITAS }, { params: { isian: labels } }));
    return;
  }

  // A formula with no saved result: its own finding (FMT-09), and no other rule judges the value.
  const unknown = new Set<IdentityKey>();
  for (const def of IDENTITY) {
    if (isNoResultCell(identity[def.key].raw)) {
      unknown.add(def.key);
      emit(identityFinding(ctx, 'FMT-09', def.key, { params: { kolom: def.label } }));
    }
  }
  const judged = (key: IdentityKey) => !unknown.has(key);

  for (const key of REQUIRED) {
    if (identity[key].parsed.kind === 'empty') {
      const label = IDENTITY.find((d) => d.key === key)!.label;
      emit(identityFinding(ctx, 'STR-05', key, { params: { isian: label } }));
    }
  }

  const opd = identity.opd.parsed;
  if (opd.kind !== 'empty' && !ctx.opd && judged('opd')) {
    const text = cellText(identity.opd.raw);
    emit(
      identityFinding(ctx, 'STR-06', 'opd', {
        params: { nilai: text },
        hint: nearestHint(nearest(text, ctx.index.opdNames())),
      }),
    );
  }

  const tahun = identity.tahun.parsed;
  if (tahun.kind === 'bad' && judged('tahun')) {
    emit(
      identityFinding(ctx, 'FMT-04', 'tahun', {
        params: { nilai: cellText(identity.tahun.raw), kolom: 'Tahun Pelaporan' },
      }),
    );
  } else if (tahun.kind === 'ok' && !ctx.index.inPeriod(Number(tahun.value))) {
    emit(
      identityFinding(ctx, 'RPJ-05', 'tahun', {
        params: { tahun: tahun.value, periode: ctx.index.periodText() },
      }),
    );
  }

  if (identity.tanggalPengisian.parsed.kind === 'bad' && judged('tanggalPengisian')) {
    emit(
      identityFinding(ctx, 'FMT-03', 'tanggalPengisian', {
        params: { nilai: cellText(identity.tanggalPengisian.raw) },
      }),
    );
  }

  // An error value (#REF!) in a text field is never accepted.
  for (const key of ['penanggungJawab', 'jabatan', 'versiTemplat'] as const) {
    if (identity[key].parsed.kind === 'bad' && judged(key)) {
      const label = IDENTITY.find((d) => d.key === key)!.label;
      emit(
        identityFinding(ctx, 'FMT-02', key, { params: { nilai: cellText(identity[key].raw), kolom: label } }),
      );
    }
  }

  const versi = identity.versiTemplat.parsed;
  if (versi.kind === 'ok' && !sameVersion(String(versi.value))) {
    emit(identityFinding(ctx, 'STR-07', 'versiTemplat', { params: { nilai: String(versi.value) } }));
  }

  const email = identity.email.parsed;
  if (judged('email') && email.kind !== 'empty' && !(email.kind === 'ok' && isEmail(String(email.value)))) {
    emit(
      identityFinding(ctx, 'FMT-08', 'email', {
        params: { nilai: cellText(identity.email.raw), jenis: 'alamat email', jenisEn: 'e-mail address' },
      }),
    );
  }
  const phone = identity.telepon.parsed;
  if (judged('telepon') && phone.kind !== 'empty' && !(phone.kind === 'ok' && isPhone(String(phone.value)))) {
    emit(
      identityFinding(ctx, 'FMT-08', 'telepon', {
        params: { nilai: cellText(identity.telepon.raw), jenis: 'nomor telepon', jenisEn: 'phone number' },
      }),
    );
  }
}

/** `1`, `1.0` and the number 1 all say version 1. */
function sameVersion(text: string): boolean {
  return text === TEMPLATE_VERSION || Number(text) === Number(TEMPLATE_VERSION);
}
