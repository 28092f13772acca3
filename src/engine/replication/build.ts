/**
 * The replication catalogue of a consolidation (docs/spec/replication.md): which counted
 * innovations others may replicate, every replication and its source, the counts per OPD, and
 * KON-10 where a replication is linked to an innovation outside the catalogue.
 */
import { Finding } from '../findings';
import { okValueOf, rawOf } from '../parse';
import { ReferenceIndex } from '../reference/index';
import { Reference } from '../reference/model';
import { RuleContext, normalisedNames, rowFinding, rowKeys } from '../rules/context';
import { codePointLength, normalise } from '../text';
import { cellText } from '../values';
import { SourceMatcher } from './match';
import {
  BENTUK_PELAYANAN_PUBLIK,
  CountingFile,
  Innovation,
  OpdCounts,
  OpdOf,
  Replication,
  ReplicationResult,
  TAHAPAN_PENERAPAN,
} from './model';
import { phraseOfNormalised } from './words';

/** The OPD of a counting file, told apart as the consolidation tells them apart. */
export function opdOf(f: CountingFile, fileIndex: number): OpdOf {
  const v = f.validation;
  if (v.opd) return { key: `kode:${v.opd.kode}`, kode: v.opd.kode, nama: v.opd.nama, opd: v.opd };
  const typed = v.opdText !== null ? normalise(v.opdText) : '';
  return {
    key: typed ? `nama:${typed}` : `berkas:${fileIndex}`,
    kode: null,
    nama: v.opdText ?? f.file,
    opd: null,
  };
}

/**
 * The phrase of a name that passes FMT-06 (as KON-01: a name that fails it gets no further
 * finding, and is never matched), from the normalised name the row rules already made.
 */
function matchablePhrase(nama: string | number | null, normalised: string, reference: Reference): string {
  if (nama === null) return '';
  const length = codePointLength(String(nama));
  if (length < reference.parameter.namaMin || length > reference.parameter.namaMax) return '';
  return phraseOfNormalised(normalised);
}

function innovationsOf(
  files: readonly CountingFile[],
  opds: readonly OpdOf[],
  reference: Reference,
): Innovation[] {
  const out: Innovation[] = [];
  for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
    const f = files[fileIndex];
    const opd = opds[fileIndex];
    const rows = f.validation.submission?.table?.rows ?? [];
    const names = normalisedNames(rows);
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
      const row = rows[rowIndex];
      const parsedName = okValueOf(row, 'nama');
      const nama = parsedName !== null ? String(parsedName) : cellText(rawOf(row, 'nama'));
      const tahapan = okValueOf(row, 'tahapan');
      const bentuk = okValueOf(row, 'bentuk');
      const replikasi = okValueOf(row, 'replikasi');
      out.push({
        fileIndex,
        file: f.file,
        row,
        rowIndex,
        nama,
        phrase: matchablePhrase(parsedName, names[rowIndex], reference),
        opd,
        original: replikasi === 'Tidak',
        replication: replikasi === 'Ya',
        tahapan: tahapan === null ? null : String(tahapan),
        bentuk: bentuk === null ? null : String(bentuk),
        inCatalogue: nama !== '' && tahapan === TAHAPAN_PENERAPAN && bentuk === BENTUK_PELAYANAN_PUBLIK,
      });
    }
  }
  return out;
}

/**
 * The catalogue, the replications and their sources over the counting files (in `Rekap OPD`
 * order). Linear in rows: every name and OPD is indexed once, every source looked up in the indexes.
 */
export function buildReplication(files: readonly CountingFile[], reference: Reference): ReplicationResult {
  const opds = files.map(opdOf);
  const innovations = innovationsOf(files, opds, reference);
  const catalogue = innovations.filter((i) => i.inCatalogue);
  const matcher = new SourceMatcher(innovations, catalogue, reference);

  const perOpd = new Map<string, OpdCounts>();
  const counts = (key: string): OpdCounts => {
    let c = perOpd.get(key);
    if (!c) perOpd.set(key, (c = { dilakukan: 0, direplikasi: 0 }));
    return c;
  };
  for (const opd of opds) counts(opd.key);

  const replications: Replication[] = [];
  const linkedTo = new Map<Innovation, Replication[]>();
  const findings = new Map<number, Finding[]>();
  for (const inn of innovations) {
    if (!inn.replication) continue;
    const parsedSource = okValueOf(inn.row, 'sumberReplikasi');
    const sumber = parsedSource !== null ? String(parsedSource) : cellText(rawOf(inn.row, 'sumberReplikasi'));
    const source = matcher.match(sumber, inn.opd.key, inn.opd.opd);
    const r: Replication = { innovation: inn, sumber, source };
    replications.push(r);
    counts(inn.opd.key).dilakukan++;
    if (source.jenis === 'inovasi') {
      const list = linkedTo.get(source.innovation);
      if (list) list.push(r);
      else linkedTo.set(source.innovation, [r]);
      counts(source.innovation.opd.key).direplikasi++;
      if (!source.innovation.inCatalogue) {
        const list = findings.get(inn.fileIndex) ?? [];
        list.push(kon10(files[inn.fileIndex], inn, source.innovation, reference));
        findings.set(inn.fileIndex, list);
      }
    } else if (source.jenis === 'opd') {
      counts(`kode:${source.opd.kode}`).direplikasi++;
    }
  }
  return { reference, files, innovations, catalogue, replications, linkedTo, perOpd, findings };
}

/** KON-10 (info) on the `sumberReplikasi` cell: the linked source is not yet Penerapan, or not a public-service innovation. */
function kon10(file: CountingFile, inn: Innovation, source: Innovation, reference: Reference): Finding {
  const v = file.validation;
  const rows = v.submission!.table!.rows;
  const ctx: RuleContext = {
    submission: v.submission!,
    index: ReferenceIndex.of(reference),
    params: reference.parameter,
    today: '',
    opd: v.opd,
    tahun: v.tahun,
  };
  const rowKey = rowKeys(rows)[inn.rowIndex];
  // The message says which: not yet Penerapan (`tahapan`), else not a public-service innovation (`bentuk`).
  const params: Record<string, string> = { nama: source.nama, opd: source.opd.nama };
  if (source.tahapan !== TAHAPAN_PENERAPAN) params.tahapan = source.tahapan ?? '-';
  else params.bentuk = source.bentuk ?? '-';
  return rowFinding(ctx, { row: inn.row, rowKey }, 'KON-10', 'sumberReplikasi', { params });
}
