/** Fixtures of the replication tests (docs/spec/replication.md): counting files of reference OPDs, running and replicating rows. */
import { CellValue } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { CountingFile, ReplicationResult, Source, buildReplication } from '../../src/engine/replication';
import { validateWorkbook } from '../../src/engine/validate';
import { TODAY, VALID_IDENTITAS, buildGrid, validRow } from './workbook';

export const REF = defaultReference();

interface Opd {
  opd: string;
  rows: Record<string, CellValue>[];
  contact?: [string, string, string];
}

export function counting(file: string, o: Opd): CountingFile {
  const identitas = VALID_IDENTITAS.map(([label, value]): [string, CellValue] => {
    if (label === 'Perangkat Daerah') return [label, o.opd];
    if (o.contact && label === 'Nama Penanggung Jawab') return [label, o.contact[0]];
    if (o.contact && label === 'Email') return [label, o.contact[1]];
    if (o.contact && label === 'Telepon') return [label, o.contact[2]];
    return [label, value];
  });
  return {
    file,
    validation: validateWorkbook(buildGrid({ identitas, rows: o.rows }), file, {
      reference: REF,
      today: TODAY,
    }),
  };
}

export const run = (...files: CountingFile[]): ReplicationResult => buildReplication(files, REF);

/** A running public-service innovation (in the catalogue). */
export const running = (nama: string, o: Record<string, CellValue> = {}) =>
  validRow({ 'Nama Inovasi': nama, ...o });
export const replicating = (nama: string, sumber: string | null, o: Record<string, CellValue> = {}) =>
  validRow({ 'Nama Inovasi': nama, Replikasi: 'Ya', 'Sumber Replikasi': sumber, ...o });

/** The source of the (only) replication of the last file, as a short text. */
export function sourceOf(result: ReplicationResult, nama: string): string {
  const r = result.replications.find((x) => x.innovation.nama === nama);
  if (!r) throw new Error(`no replication ${nama}`);
  return sourceText(r.source);
}

export function sourceText(s: Source): string {
  switch (s.jenis) {
    case 'inovasi':
      return `inovasi:${s.innovation.nama}@${s.innovation.opd.kode}`;
    case 'opd':
      return `opd:${s.opd.kode}`;
    case 'tidakDikenali':
      return `tidakDikenali:${s.saran?.nama ?? '-'}`;
    default:
      return s.jenis;
  }
}

export const DINKES = (rows: Record<string, CellValue>[]) =>
  counting('dinkes.xlsx', { opd: 'Dinas Kesehatan', rows });
export const DINSOS = (rows: Record<string, CellValue>[]) =>
  counting('dinsos.xlsx', { opd: 'Dinas Sosial', rows });
export const DUKCAPIL = (rows: Record<string, CellValue>[]) =>
  counting('dukcapil.xlsx', { opd: 'Dinas Kependudukan dan Pencatatan Sipil', rows });
