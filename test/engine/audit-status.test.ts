import { SheetGrid } from '../../src/engine/grid';
import { buildReport } from '../../src/engine/report';
import { defaultReference } from '../../src/engine/reference/load';
import { buildGrid, validRow, TODAY } from '../helpers/workbook';
import { validateWorkbook } from '../../src/engine/validate';

const ref = defaultReference();
const run = (grid: ReturnType<typeof buildGrid>) =>
  validateWorkbook(grid, 'dinkes.xlsx', { reference: ref, today: TODAY });

const stampSheet = (hash: string): SheetGrid => ({
  name: '_stempel',
  visibility: 'veryHidden',
  rows: [
    ['versi', 1],
    ['contentHash', hash],
    ['waktu', '2026-11-20T10:00:00'],
    ['oleh', 'dr. Joice Rumondor'],
  ],
});

const temuan = (rows: (string | null)[][]): SheetGrid => ({
  name: 'Temuan',
  rows: [
    [
      'ID',
      'Aturan',
      'Tingkat',
      'Lembar',
      'Sel',
      'Baris',
      'Kolom',
      'Nilai',
      'Pesan',
      'Saran',
      'Dasar',
      'Status',
      'Alasan',
      'Pemeriksa',
      'Tanggal Keputusan',
    ],
    ...rows,
  ],
});
const decision = (id: string, status: string, reason: string | null, reviewer: string | null) => [
  id,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  status,
  reason,
  reviewer,
  '2026-11-21',
];

describe('stamp status', () => {
  const hash = run(buildGrid()).contentHash!;
  test('none without a _stempel sheet', () => {
    expect(run(buildGrid()).stamp).toBe('none');
  });
  test('valid when the stamped hash matches', () => {
    expect(run(buildGrid({ extraSheets: [stampSheet(hash)] })).stamp).toBe('valid');
  });
  test('still valid after column order, title rows and Status Validasi change', () => {
    const header = buildGrid().sheets[1].rows[0] as string[];
    const v = run(
      buildGrid({
        header: [...header].reverse(),
        titleRows: [['Judul']],
        rows: [validRow({ 'Status Validasi': 'Siap' })],
        extraSheets: [stampSheet(hash)],
      }),
    );
    expect(v.stamp).toBe('valid');
  });
  test('changed after a value is edited', () => {
    expect(
      run(buildGrid({ rows: [validRow({ Manfaat: 'diubah' })], extraSheets: [stampSheet(hash)] })).stamp,
    ).toBe('changed');
  });
});

describe('decisions from the Temuan sheet', () => {
  const broken = buildGrid({ rows: [validRow({ 'Nomor SOP': null, 'SP Prosedur': null })] });
  const ids = run(broken).findings.map((f) => f.id);

  test('an accepted finding with reason and reviewer counts as accepted, not open', () => {
    const v = run({
      sheets: [
        ...broken.sheets,
        temuan([decision(ids[0], 'Diterima', 'SOP sedang disahkan', 'Inspektur Pembantu II')]),
      ],
    });
    expect(v.findings.map((f) => f.status)).toEqual(['accepted', 'open']);
    const report = buildReport([v], { reference: ref, today: TODAY, lang: 'id' });
    expect(report.files[0].stats).toEqual({ errors: 1, warnings: 0, infos: 0, accepted: 1 });
  });
  test('a submission whose only errors are accepted is valid', () => {
    const v = run({
      sheets: [...broken.sheets, temuan(ids.map((id) => decision(id, 'diterima', 'alasan', 'pemeriksa')))],
    });
    expect(buildReport([v], { reference: ref, today: TODAY, lang: 'id' }).valid).toBe(true);
  });
  test('a decision without a reason or reviewer is ignored and reported', () => {
    const v = run({
      sheets: [
        ...broken.sheets,
        temuan([decision(ids[0], 'Diterima', null, 'X'), decision(ids[1], 'Diterima', 'ok', '')]),
      ],
    });
    expect(v.findings.every((f) => f.status === 'open')).toBe(true);
    expect(v.ignoredDecisions.map((d) => d.why)).toEqual(['noReason', 'noReviewer']);
    expect(
      buildReport([v], { reference: ref, today: TODAY, lang: 'id' }).files[0].decisionsIgnored,
    ).toHaveLength(2);
  });
  test('STR-02 cannot be accepted', () => {
    const header = (buildGrid().sheets[1].rows[0] as string[]).filter((h) => h !== 'Manfaat');
    const g = buildGrid({ header });
    const id = run(g).findings[0].id;
    const v = run({ sheets: [...g.sheets, temuan([decision(id, 'Diterima', 'alasan', 'pemeriksa')])] });
    expect(v.findings[0].status).toBe('open');
    expect(v.ignoredDecisions[0].why).toBe('notAcceptable');
  });
  test('Terbuka rows are no decision', () => {
    const v = run({ sheets: [...broken.sheets, temuan([decision(ids[0], 'Terbuka', 'a', 'b')])] });
    expect(v.findings.every((f) => f.status === 'open')).toBe(true);
    expect(v.ignoredDecisions).toEqual([]);
  });
});

describe('JSON report', () => {
  test('has the fields of docs/spec/report-and-cli.md', () => {
    const v = run(buildGrid({ rows: [validRow({ 'SP Prosedur': null })] }));
    const r = buildReport([v], { reference: ref, today: TODAY, lang: 'en' });
    expect(Object.keys(r)).toEqual([
      'tool',
      'toolVersion',
      'rulesVersion',
      'reference',
      'validatedAt',
      'lang',
      'valid',
      'stats',
      'files',
    ]);
    expect(r.reference).toMatch(/^bitung-contoh@[0-9a-f]{12}$/);
    expect(r.stats).toEqual({ files: 1, rows: 1, errors: 1, warnings: 0, infos: 0, accepted: 0 });
    const f = r.files[0];
    expect(Object.keys(f)).toEqual([
      'file',
      'opd',
      'opdCode',
      'tahun',
      'valid',
      'rows',
      'contentHash',
      'stamp',
      'persetujuan',
      'stats',
      'findings',
      'iid',
    ]); // iid: the sample reference has an `iid` section (docs/spec/iid.md)
    expect(f).toMatchObject({
      file: 'dinkes.xlsx',
      opd: 'Dinas Kesehatan',
      opdCode: 'DINKES',
      tahun: 2026,
      valid: false,
      stamp: 'none',
    });
    expect(f.findings[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      rule: 'SOP-04',
      severity: 'error',
      sheet: 'Inovasi',
      cell: 'AA2',
      row: 2,
      column: 'SP Prosedur',
      inovasi: 'Posyandu Digital Bitung Sehat',
      value: null,
      message: 'Service-standard component «procedure» is not filled in.',
      hint: null,
      basis: 'UU 25/2009 Pasal 21 huruf c',
      status: 'open',
    });
  });
  test('messages are rendered in Indonesian from the same finding', () => {
    const v = run(buildGrid({ rows: [validRow({ 'SP Prosedur': null })] }));
    expect(buildReport([v], { reference: ref, today: TODAY, lang: 'id' }).files[0].findings[0].message).toBe(
      'Komponen standar pelayanan «prosedur» belum diisi.',
    );
  });
});
