/** A consolidation with a sign-off schedule (docs/spec/signoff.md): on time, late, past, returned, edited, another year, unreadable. */
import { CellValue, SheetGrid } from '../../src/engine/grid';
import { EMBEDDED_REFERENCE_JSON } from '../../src/engine/reference/data/embedded';
import { parseReferenceJson } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { STEMPEL_HEADER } from '../../src/engine/signoff';
import { unreadableFile, validateWorkbook } from '../../src/engine/validate';
import { TODAY, VALID_IDENTITAS, buildGrid, validRow } from './workbook';

export function withJadwal(): Reference {
  const json = JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON));
  json.jadwal = { tahun: 2026, batas: { kepalaOpd: '2026-03-31', verifikator: '2026-12-15' } };
  const r = parseReferenceJson(json);
  if (!r.ok) throw new Error('bad');
  return r.reference;
}
export const REF = withJadwal();

type Row = [string, string, string];
const stempel = (rows: Row[]): SheetGrid => ({
  name: '_stempel',
  rows: [
    [...STEMPEL_HEADER],
    ...rows.map(([t, h, w]): CellValue[] => [
      t,
      2,
      h,
      w,
      '1',
      'r',
      'a',
      0,
      0,
      0,
      'Nama',
      'Jabatan',
      t.endsWith(':kembali') ? 'Perbaiki' : '',
    ]),
  ],
});

export function file(
  name: string,
  opd: string,
  chain: (hash: string) => Row[],
  tahun = 2026,
  reference = REF,
) {
  const identitas = VALID_IDENTITAS.map(([l, v]): [string, CellValue] => [
    l,
    l === 'Perangkat Daerah' ? opd : l === 'Tahun Pelaporan' ? tahun : v,
  ]);
  const rows = [validRow({ 'Nama Inovasi': `Inovasi ${opd} untuk layanan` })];
  const hash = validateWorkbook(buildGrid({ identitas, rows }), name, {
    reference,
    today: TODAY,
  }).contentHash!;
  const v = validateWorkbook(buildGrid({ identitas, rows, extraSheets: [stempel(chain(hash))] }), name, {
    reference,
    today: TODAY,
  });
  return { file: name, size: 1, sha256: null, validation: v };
}

export const SCHEDULE_INPUTS = [
  // On time for kepalaOpd, verified early.
  file('dinkes.xlsx', 'Dinas Kesehatan', (h) => [
    ['penyusun', h, '2026-03-20T01:00:00Z'],
    ['kepalaOpd', h, '2026-03-31T15:00:00Z'],
    ['verifikator', h, '2026-04-02T01:00:00Z'],
  ]),
  // Approved 3 days late (WITA: 17:00Z on 2 April is 3 April).
  file('dinsos.xlsx', 'Dinas Sosial', (h) => [
    ['penyusun', h, '2026-03-20T01:00:00Z'],
    ['kepalaOpd', h, '2026-04-02T17:00:00Z'],
  ]),
  // Prepared only: kepalaOpd past by 242 days on 28 November.
  file('dlh.xlsx', 'Dinas Lingkungan Hidup', (h) => [['penyusun', h, '2026-03-20T01:00:00Z']]),
  // Returned by the head of agency.
  file('dishub.xlsx', 'Dinas Perhubungan', (h) => [
    ['penyusun', h, '2026-03-20T01:00:00Z'],
    ['kepalaOpd:kembali', h, '2026-03-21T01:00:00Z'],
  ]),
  // Edited after approval.
  file('kominfo.xlsx', 'Dinas Komunikasi dan Informatika', () => [
    ['penyusun', 'sha256:' + '0'.repeat(64), '2026-03-20T01:00:00Z'],
    ['kepalaOpd', 'sha256:' + '0'.repeat(64), '2026-03-21T01:00:00Z'],
  ]),
  // Another reporting year: the schedule does not apply.
  file('diskan-2025.xlsx', 'Dinas Perikanan', () => [], 2025),
  {
    file: 'rusak.xlsx',
    size: 1,
    sha256: null,
    validation: unreadableFile('rusak.xlsx', 'notXlsx', { id: 'bukan xlsx', en: 'not xlsx' }, REF),
  },
];
