/** IID readiness (docs/spec/iid.md): evidence counting, the estimate, and rules IID-01…IID-06. */
import { contentDocument } from '../../src/engine/contentHash';
import { canonicalJson } from '../../src/engine/canonicalJson';
import { createSha256 } from '../../src/engine/hash';
import { cityEstimate, percent1 } from '../../src/engine/iid/estimate';
import { iidSummaryLines, innovationLine } from '../../src/engine/iid/words';
import { findingMessage } from '../../src/engine/messages';
import { MAX_IID_REPORTED, buildReport, reportFile, reportIid } from '../../src/engine/report';
import { innovationOf } from '../../src/engine/innovation';
import { defaultReference } from '../../src/engine/reference/load';
import { validateWorkbook } from '../../src/engine/validate';
import { DD_HEADER, POSYANDU, SMALL_IID, dataDukung, evidence, referenceWith } from '../helpers/iid';
import { TODAY, buildGrid, inisiatifRow, validRow } from '../helpers/workbook';
import { CellValue } from '../../src/engine/grid';

type Found = { findings: { rule: string; cell: string | null; sheet: string | null }[] };
const iidOnly = (v: Found) =>
  v.findings.filter((f) => f.rule.startsWith('IID')).map((f) => `${f.rule}@${f.cell ?? 'null'}`);
/** The IID findings on the evidence sheet (IID-06, on Inovasi, has its own tests). */
const onSheet = (v: Found) =>
  v.findings
    .filter((f) => f.rule.startsWith('IID') && f.rule !== 'IID-06')
    .map((f) => `${f.rule}@${f.cell ?? 'null'}`);

function run(
  rows: Record<string, CellValue>[] | null,
  opts: { inovasi?: Record<string, CellValue>[]; iid?: typeof SMALL_IID | null; header?: string[] } = {},
) {
  const reference = opts.iid === null ? referenceWith(undefined) : referenceWith(opts.iid ?? SMALL_IID);
  const grid = buildGrid({
    rows: opts.inovasi ?? [validRow()],
    extraSheets: rows ? [dataDukung(rows, opts.header)] : [],
  });
  return validateWorkbook(grid, 'dinkes.xlsx', { reference, today: TODAY });
}

describe('the estimate on a hand-computed workbook', () => {
  // Posyandu: Penerapan, Perwali (derived regulasi 2), 1,200 beneficiaries (derived kemanfaatan 3).
  const rows = [
    evidence({ Indikator: 'Regulasi Inovasi Daerah', Tingkat: 2, 'Status Verifikasi': 'Sesuai' }), // counts, verified
    evidence({
      Indikator: 'regulasi',
      Tingkat: 3,
      'Tautan Bukti': null,
      'Nomor Dokumen': 'Perda 1/2025',
      'Status Verifikasi': 'Tidak Sesuai',
    }), // rejected; IID-04
    evidence({ Indikator: 17, Tingkat: '1–10 orang' }), // counts (by no and level label, en dash), not verified
    evidence({ Indikator: 'Ketersediaan SDM', Tingkat: 3, 'Status Verifikasi': 'Perlu Perbaikan' }), // does not count
    evidence({ Indikator: 'sdm', Tingkat: 2, 'Status Verifikasi': 'sesuai' }), // counts, verified
    evidence({ 'Nama Inovasi': 'Inovasi Yang Tidak Ada', Tingkat: 3 }), // unknown innovation: IID-01, does not count
    evidence({ Indikator: 'Kemanfaatan Inovasi', Tingkat: 4 }), // no valid level: IID-02
  ];
  const v = run(rows);
  const inv = v.iid!.inovasi[0];

  test('proven, verified and derived levels per indicator', () => {
    expect(inv.indikator).toEqual([
      {
        kode: 'regulasi',
        terbukti: 2,
        terverifikasi: 2,
        turunan: 2,
        bukti: { sesuai: 1, perbaikan: 0, tidakSesuai: 1, belum: 0 },
      },
      {
        kode: 'sdm',
        terbukti: 2,
        terverifikasi: 2,
        turunan: null,
        bukti: { sesuai: 1, perbaikan: 1, tidakSesuai: 0, belum: 1 },
      },
      {
        kode: 'kemanfaatan',
        terbukti: null,
        terverifikasi: null,
        turunan: 3,
        bukti: { sesuai: 0, perbaikan: 0, tidakSesuai: 0, belum: 1 },
      },
    ]);
  });

  test('scores, maturity (one decimal, half up), ready, missing', () => {
    // proven 3×2 + 2×2 = 10; verified the same; potential 3×2 + 2×2 + 1×3 = 13; max 18.
    expect(inv).toMatchObject({
      baris: 2,
      nama: POSYANDU,
      skorTerbukti: 10,
      skorTerverifikasi: 10,
      skorPotensial: 13,
      kematangan: 55.6,
      kematanganTerverifikasi: 55.6,
      siap: true,
      kurang: ['kemanfaatan'],
    });
    expect(inv.buktiBaris).toEqual([2, 3, 4, 5, 6, 8]);
  });

  test('the findings: IID-04 on the rejected claim above the derived level, IID-01, IID-02', () => {
    expect(iidOnly(v)).toEqual(['IID-04@D3', 'IID-01@B7', 'IID-02@D8']); // regulasi (wajib) is proven: no IID-06
    const f = v.findings.find((x) => x.rule === 'IID-04')!;
    expect(findingMessage(f, 'id')).toBe(
      'Tingkat 3 «Regulasi Inovasi Daerah» tidak sesuai dengan data inovasi (dari Dasar Hukum: tingkat 2).',
    );
    expect(
      findingMessage(
        v.findings.find((x) => x.rule === 'IID-01')!,
        'en',
      ),
    ).toBe('Innovation «Inovasi Yang Tidak Ada» is not on the Inovasi sheet.');
    expect(
      findingMessage(
        v.findings.find((x) => x.rule === 'IID-02')!,
        'id',
      ),
    ).toBe('«4» bukan Tingkat yang sah; pilih dari daftar atau perbaiki.');
  });

  test('readiness is advice: no IID finding is an error, so the file stays valid', () => {
    expect(v.findings.filter((f) => f.rule.startsWith('IID')).every((f) => f.severity !== 'error')).toBe(
      true,
    );
    expect(v.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('JSON report: iid per file with perkiraan and the source', () => {
    const report = buildReport([v], { reference: referenceWith(SMALL_IID), today: TODAY, lang: 'id' });
    expect(report.files[0].iid).toEqual({
      perkiraan: true,
      sumber: 'Uji: tiga indikator',
      inovasi: [
        {
          baris: 2,
          nama: POSYANDU,
          skorTerbukti: 10,
          skorTerverifikasi: 10,
          skorPotensial: 13,
          kematangan: 55.6,
          kematanganTerverifikasi: 55.6,
          siap: true,
          indikator: inv.indikator.map((i) => ({ ...i, bukti: { ...i.bukti } })),
          kurang: ['kemanfaatan'],
        },
      ],
    });
  });

  test('the text line says perkiraan; the city estimate divides by MAX(pembagi, n)', () => {
    expect(innovationLine(inv, SMALL_IID, 'id')).toBe(
      `«${POSYANDU}» — kematangan 55,6% (terverifikasi 55,6%, perkiraan) — 2/3 indikator — Siap — kurang 1: Kemanfaatan Inovasi`,
    );
    const city = cityEstimate([v.iid!], SMALL_IID);
    // 10 / MAX(10, 1) / 18 × 100 = 5.555… → 5.6
    expect(city).toEqual({ n: 1, pembagi: 10, terbukti: 5.6, terverifikasi: 5.6, siap: 1, jumlah: 1 });
    expect(iidSummaryLines(city, SMALL_IID, 'id')).toEqual([
      { label: 'Inovasi siap IID (terverifikasi)', value: '1 dari 1', figure: 1 },
      { label: 'Komponen satuan inovasi (perkiraan, skala 0–100)', value: '5,6 (terverifikasi 5,6)' },
      { label: 'Sumber indikator IID', value: 'Uji: tiga indikator (2026)' },
    ]);
  });
});

describe('evidence counting', () => {
  const levelOf = (rows: Record<string, CellValue>[], kode = 'regulasi') =>
    run(rows).iid!.inovasi[0].indikator.find((i) => i.kode === kode)!;

  test('several documents: the highest counting level', () => {
    expect(
      levelOf([
        evidence({ Tingkat: 1 }),
        evidence({ Tingkat: 3, 'Nomor Dokumen': 'Perda 2/2025' }),
        evidence({ Tingkat: 2 }),
      ]).terbukti,
    ).toBe(3);
  });
  test('Tidak Sesuai and Perlu Perbaikan do not count; Sesuai is verified', () => {
    expect(levelOf([evidence({ 'Status Verifikasi': 'Tidak Sesuai' })]).terbukti).toBeNull();
    expect(levelOf([evidence({ 'Status Verifikasi': 'Perlu Perbaikan' })]).terbukti).toBeNull();
    expect(levelOf([evidence({ 'Status Verifikasi': 'Sesuai' })])).toMatchObject({
      terbukti: 2,
      terverifikasi: 2,
    });
    expect(levelOf([evidence()])).toMatchObject({ terbukti: 2, terverifikasi: null });
  });
  test('an unknown innovation, indicator or level does not count', () => {
    expect(run([evidence({ 'Nama Inovasi': 'Lain Sama Sekali' })]).iid!.inovasi[0].skorTerbukti).toBe(0);
    expect(run([evidence({ Indikator: 'Indikator Karangan' })]).iid!.inovasi[0].skorTerbukti).toBe(0);
    expect(run([evidence({ Tingkat: 'Tinggi' })]).iid!.inovasi[0].skorTerbukti).toBe(0);
  });
  test('no proof (neither tautan nor nomor) does not count; a bad tautan counts through nomor', () => {
    expect(levelOf([evidence({ 'Tautan Bukti': null })]).terbukti).toBeNull();
    expect(
      levelOf([evidence({ 'Tautan Bukti': 'www.bitungkota.go.id', 'Nomor Dokumen': '12/2024' })]).terbukti,
    ).toBe(2);
    expect(levelOf([evidence({ 'Tautan Bukti': 'www.bitungkota.go.id' })]).terbukti).toBeNull();
  });
  test('the innovation by normalised name, or by a unique No only', () => {
    expect(levelOf([evidence({ 'Nama Inovasi': '  posyandu DIGITAL  bitung sehat ' })]).terbukti).toBe(2);
    expect(levelOf([evidence({ 'Nama Inovasi': 1 })]).terbukti).toBe(2);
    const twoOnes = run([evidence({ 'Nama Inovasi': 1 })], {
      inovasi: [validRow(), validRow({ 'Nama Inovasi': 'Sistem Antrean Puskesmas Daring' })],
    });
    expect(onSheet(twoOnes)).toEqual(['IID-01@B2']);
  });
  test('the indicator by name, kode or no; the level by number or label (dashes as -)', () => {
    for (const indikator of ['Regulasi Inovasi Daerah', 'REGULASI', 16, '16'])
      expect(levelOf([evidence({ Indikator: indikator })]).terbukti).toBe(2);
    expect(levelOf([evidence({ Indikator: 'sdm', Tingkat: '11-30 orang' })], 'sdm').terbukti).toBe(2);
    expect(levelOf([evidence({ Indikator: 'sdm', Tingkat: 'Lebih dari 30 orang' })], 'sdm').terbukti).toBe(3);
  });
  test('the sheet by an alias, headers by alias, title rows above the header', () => {
    const header = ['Inovasi', 'Indikator IID', 'Level', 'Link'];
    const sheet = dataDukung(
      [{ Inovasi: POSYANDU, 'Indikator IID': 16, Level: 3, Link: 'https://x.go.id/a' }],
      header,
      'Bukti Dukung',
    );
    const titled = { ...sheet, rows: [['Data dukung inovasi Dinas Kesehatan'], [], ...sheet.rows] };
    const v = validateWorkbook(buildGrid({ extraSheets: [titled] }), 'x.xlsx', {
      reference: referenceWith(SMALL_IID),
      today: TODAY,
    });
    expect(v.iid!.inovasi[0].indikator[0].terbukti).toBe(3);
  });
  test('every innovation row gets an estimate, any stage', () => {
    const v = run([], { inovasi: [validRow(), inisiatifRow()] });
    expect(v.iid!.inovasi.map((i) => [i.nama, i.tahapan, i.skorPotensial])).toEqual([
      [POSYANDU, 'Penerapan', 3 * 2 + 1 * 3],
      ['Rencana Aplikasi Rujukan Puskesmas', 'Inisiatif', 0], // no Dasar Hukum, no beneficiaries yet
    ]);
  });
});

describe('the rules', () => {
  test('no Data Dukung sheet: an estimate from derived levels, and no IID finding', () => {
    const v = run(null);
    expect(iidOnly(v)).toEqual([]);
    expect(v.iid!.inovasi[0]).toMatchObject({
      skorTerbukti: 0,
      skorPotensial: 9,
      kurang: ['regulasi', 'sdm', 'kemanfaatan'],
    });
  });
  test('a Data Dukung sheet with its header and no row (as the template writes it) is an OPD that has not started: no IID finding', () => {
    expect(iidOnly(run([]))).toEqual([]);
  });
  test('no iid in the reference: no estimate and no IID finding, even with a Data Dukung sheet', () => {
    const v = run([evidence({ 'Nama Inovasi': 'Tidak Ada' })], { iid: null });
    expect(v.iid).toBeUndefined();
    expect(iidOnly(v)).toEqual([]);
  });
  test('IID-01 fires for an unknown and an empty innovation; quiet for a known one', () => {
    expect(
      onSheet(run([evidence({ 'Nama Inovasi': 'Tidak Ada Di Sini' }), evidence({ 'Nama Inovasi': null })])),
    ).toEqual(['IID-01@B2', 'IID-01@B3']);
    expect(onSheet(run([evidence()]))).toEqual([]);
  });
  test('IID-02 on each unparsable value, never an FMT finding', () => {
    const v = run([
      evidence({
        Indikator: 'Karangan',
        Tingkat: 2,
        'Tautan Bukti': 'ftp://x',
        'Tanggal Dokumen': 'kemarin',
        'Status Verifikasi': 'Oke',
      }),
    ]);
    expect(onSheet(v)).toEqual(['IID-02@C2', 'IID-02@F2', 'IID-02@H2', 'IID-02@J2']);
    expect(v.findings.filter((f) => f.rule.startsWith('FMT'))).toEqual([]);
    expect(v.findings.every((f) => f.severity === 'warning' || f.severity === 'info')).toBe(true);
  });
  test('IID-02 for a missing or doubled column and for a sheet without a header row', () => {
    const noLevel = DD_HEADER.filter((h) => h !== 'Tingkat');
    expect(onSheet(run([evidence()], { header: noLevel }))).toEqual(['IID-02@null']);
    expect(onSheet(run([evidence()], { header: [...DD_HEADER, 'Tautan'] }))).toEqual(['IID-02@L1']);
    const v = validateWorkbook(
      buildGrid({ extraSheets: [{ name: 'Data Dukung', rows: [['catatan saja']] }] }),
      'x.xlsx',
      { reference: referenceWith(SMALL_IID), today: TODAY },
    );
    expect(onSheet(v)).toEqual(['IID-02@null']);
    expect(
      findingMessage(
        v.findings.find((f) => f.rule === 'IID-02')!,
        'id',
      ),
    ).toMatch(/Baris judul lembar Data Dukung tidak ditemukan/);
  });
  test('IID-03 fires for a level without tautan or nomor; quiet with either', () => {
    expect(onSheet(run([evidence({ 'Tautan Bukti': null })]))).toEqual(['IID-03@H2']);
    expect(onSheet(run([evidence({ 'Tautan Bukti': null, 'Nomor Dokumen': '188/12/2024' })]))).toEqual([]);
  });
  test('IID-04 fires above the derived level (regulasi, kemudahan proses); quiet at it, and never for kemanfaatan', () => {
    expect(onSheet(run([evidence({ Tingkat: 3 })]))).toEqual(['IID-04@D2']);
    expect(onSheet(run([evidence({ Tingkat: 2 })]))).toEqual([]);
    const low = run([evidence({ Indikator: 'kemanfaatan', Tingkat: 3 })], {
      inovasi: [validRow({ 'Jumlah Penerima Manfaat': 20 })],
    });
    expect(onSheet(low)).toEqual([]);
    const ref = defaultReference(); // the 2026 set: kemudahanProses derives from SP Jangka Waktu
    const slow = validateWorkbook(
      buildGrid({
        rows: [validRow({ 'SP Jangka Waktu (hari)': 14 })],
        extraSheets: [dataDukung([evidence({ Indikator: 'Kemudahan Proses', Tingkat: 3 })])],
      }),
      'x.xlsx',
      { reference: ref, today: TODAY },
    );
    expect(slow.findings.filter((f) => f.rule === 'IID-04').map((f) => findingMessage(f, 'id'))).toEqual([
      'Tingkat 3 «Kemudahan Proses» tidak sesuai dengan data inovasi (dari SP Jangka Waktu (hari): tingkat 1).',
    ]);
  });
  test('IID-05 fires for a document dated after the validation date; quiet on it', () => {
    expect(onSheet(run([evidence({ 'Tanggal Dokumen': '2026-11-29' })]))).toEqual(['IID-05@F2']);
    expect(onSheet(run([evidence({ 'Tanggal Dokumen': TODAY })]))).toEqual([]);
  });
  test('IID-06 fires per wajib indicator without counting evidence in Penerapan (value: its kode); quiet before Penerapan', () => {
    const v = run([evidence({ Indikator: 'sdm', Tingkat: 1 })]);
    const f = v.findings.filter((x) => x.rule === 'IID-06');
    expect(f.map((x) => [x.sheet, x.cell, x.value, x.severity])).toEqual([
      ['Inovasi', 'B2', 'regulasi', 'info'],
    ]);
    expect(findingMessage(f[0], 'id')).toBe(
      `«${POSYANDU}»: indikator wajib «Regulasi Inovasi Daerah» belum ada buktinya.`,
    );
    expect(
      iidOnly(
        run(
          [evidence({ 'Nama Inovasi': 'Rencana Aplikasi Rujukan Puskesmas', Indikator: 'sdm', Tingkat: 1 })],
          { inovasi: [inisiatifRow()] },
        ),
      ),
    ).toEqual([]);
  });
  test('finding ids survive sorting the evidence sheet (row key inovasi|kode#k)', () => {
    const a = evidence({ 'Nama Inovasi': 'Tidak Ada A', Indikator: 'sdm' });
    const b = evidence({ 'Nama Inovasi': 'Tidak Ada B' });
    const ids = (rows: Record<string, CellValue>[]) =>
      run(rows)
        .findings.filter((f) => f.rule === 'IID-01')
        .map((f) => f.id)
        .sort();
    expect(ids([a, b])).toEqual(ids([b, a]));
  });
});

describe('an evidence finding names its innovation (docs/spec/report-and-cli.md, `inovasi`)', () => {
  const rows = [
    evidence({ 'Nama Inovasi': '  posyandu   digital bitung sehat ', Tingkat: 9 }), // matched by normalised name: IID-02
    evidence({ 'Nama Inovasi': 'Posyandu Digitl', Tingkat: 2 }), // no such innovation: IID-01
    evidence({ 'Nama Inovasi': null }), // empty: IID-01, no name to give
  ];
  const v = run(rows);
  const report = reportFile(v, 'id', SMALL_IID);
  const onEvidence = report.findings.filter((f) => f.sheet === 'Data Dukung');

  test('the JSON carries the matched row’s nama as written, else the name the evidence row wrote', () => {
    expect(onEvidence.map((f) => [f.rule, f.row, f.inovasi ?? null])).toEqual([
      ['IID-02', 2, POSYANDU],
      ['IID-01', 3, 'Posyandu Digitl'],
      ['IID-01', 4, null],
    ]);
    expect('inovasi' in onEvidence[2]).toBe(false);
  });
  test('the header row and findings without a row name none', () => {
    const nameOf = innovationOf(v);
    expect(nameOf({ sheet: 'Data Dukung', row: 1 })).toBeNull();
    expect(nameOf({ sheet: 'Data Dukung', row: null })).toBeNull();
    expect(nameOf({ sheet: 'Data Dukung', row: 2 })).toBe(POSYANDU);
    expect(nameOf({ sheet: 'Inovasi', row: 2 })).toBe(POSYANDU);
  });
  test('without an IID section in the reference nothing is matched, and nothing breaks', () => {
    const plain = run(rows, { iid: null });
    expect(innovationOf(plain)({ sheet: 'Data Dukung', row: 2 })).toBeNull();
  });
});

describe('the content hash covers Data Dukung', () => {
  const hashOf = (rows: Record<string, CellValue>[] | null) => run(rows).contentHash;
  test('a workbook without the sheet, or with an empty one, keeps its hash', () => {
    expect(hashOf([])).toBe(hashOf(null));
  });
  test('an evidence edit changes it; the verifier’s marks do not', () => {
    const base = hashOf([evidence()]);
    expect(base).not.toBe(hashOf(null));
    expect(hashOf([evidence({ Tingkat: 1 })])).not.toBe(base);
    expect(hashOf([evidence({ 'Status Verifikasi': 'Sesuai', 'Catatan Verifikator': 'Lengkap' })])).toBe(
      base,
    );
    // Canonical forms: a level label and its number, an indicator's name and its kode hash alike.
    expect(hashOf([evidence({ Indikator: 'regulasi', Tingkat: 'Perkada' })])).toBe(base);
  });
  test('the streamed hash equals the hash of the canonical document', () => {
    const v = run([evidence(), evidence({ Indikator: 'Karangan "x"', Tingkat: 'tinggi' })]);
    const doc = contentDocument(v.submission!);
    expect(Object.keys(doc)).toEqual(['dataDukung', 'identitas', 'rows']);
    expect(v.contentHash).toBe('sha256:' + createSha256().update(canonicalJson(doc)).hex());
  });
});

test('percent1 rounds half up in integers', () => {
  expect(percent1(1, 8)).toBe(12.5);
  expect(percent1(1, 16)).toBe(6.3); // 6.25 → 6.3
  expect(percent1(2, 3)).toBe(66.7);
  expect(percent1(0, 111)).toBe(0);
  expect(percent1(111, 111)).toBe(100);
});

test('the JSON report lists indicators with a level or evidence, and at most MAX_IID_REPORTED innovations (the rest counted)', () => {
  const v = run(null);
  const one = v.iid!.inovasi[0];
  const many = { ...v.iid!, inovasi: Array.from({ length: MAX_IID_REPORTED + 5 }, () => one) };
  const r = reportIid(many, SMALL_IID);
  expect(r.inovasi).toHaveLength(MAX_IID_REPORTED);
  expect(r.lainnya).toBe(5);
  // Nothing proven; regulasi and kemanfaatan have derived levels, sdm nothing at all (listed in kurang only).
  expect(r.inovasi[0].indikator.map((i) => i.kode)).toEqual(['regulasi', 'kemanfaatan']);
  expect(r.inovasi[0].kurang).toEqual(['regulasi', 'sdm', 'kemanfaatan']);
  expect(reportIid(v.iid!, SMALL_IID).lainnya).toBeUndefined();
});
