import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/engine/canonicalJson';
import { contentDocument } from '../../src/engine/contentHash';
import { dateCell, isoToSerial } from '../../src/engine/grid';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { findingId } from '../../src/engine/validate';
import { LABELS, VALID_IDENTITAS, found, inisiatifRow, validate, validRow } from '../helpers/workbook';

const rows = [
  validRow({ 'Tahapan Inovasi': 'Penerapn' }),
  inisiatifRow({ 'Anggaran (Rp)': '1,5 juta' }),
  validRow({ 'Nama Inovasi': 'Layanan Ambulans Gratis 119', Replikasi: 'Ya' }),
];

describe('finding id', () => {
  test('is the first 12 hex of SHA-256 over rule|sheet|rowKey|column|value', () => {
    const v = validate({ rows: [validRow({ 'Tahapan Inovasi': ' Penerapn ' })] });
    const f = v.findings[0];
    const expected = createHash('sha256')
      .update('FMT-02|Inovasi|posyandu digital bitung sehat#1|tahapan|Penerapn', 'utf8')
      .digest('hex')
      .slice(0, 12);
    expect(f.id).toBe(expected);
    expect(findingId(f)).toBe(expected);
  });
  test('uses row:<n> when nama is empty and an empty row key outside the rows', () => {
    const v = validate({ identitas: VALID_IDENTITAS.slice(1), rows: [validRow({ 'Nama Inovasi': null })] });
    const byRule = Object.fromEntries(v.findings.map((f) => [f.rule, f]));
    expect(byRule['FMT-01'].rowKey).toBe('row:2');
    expect(byRule['STR-05'].rowKey).toBe('');
    expect(byRule['STR-05'].id).toBe(
      createHash('sha256').update('STR-05|Identitas||opd|').digest('hex').slice(0, 12),
    );
  });
  test('survives re-ordering rows and adding title rows; changes when the value changes', () => {
    const a = validate({ rows });
    const b = validate({ rows: [...rows].reverse(), titleRows: [['REKAP INOVASI'], []] });
    const ids = (v: typeof a) => v.findings.map((f) => `${f.rule}:${f.id}`).sort();
    expect(ids(b)).toEqual(ids(a));
    const c = validate({ rows: [validRow({ 'Tahapan Inovasi': 'Penerapaan' }), ...rows.slice(1)] });
    expect(c.findings.find((f) => f.rule === 'FMT-02')!.id).not.toBe(
      a.findings.find((f) => f.rule === 'FMT-02')!.id,
    );
  });
  test('two rows with the same name are told apart by #k', () => {
    const v = validate({ rows: [validRow(), validRow()] });
    expect(v.findings[0].rowKey).toBe('posyandu digital bitung sehat#2');
  });
});

describe('content hash', () => {
  test('does not change with column order, title rows, No, Status or unknown columns', () => {
    const base = validate({ rows }).contentHash;
    const header = [...LABELS].reverse().concat('Keterangan');
    const moved = validate({
      header,
      rows: rows.map((r) => ({ ...r, No: 99, 'Status Validasi': 'Siap', Keterangan: 'x' })),
      titleRows: [['Judul']],
    });
    expect(moved.contentHash).toBe(base);
  });
  test('does not change with the written form of the same value', () => {
    const a = validate({
      rows: [
        validRow({
          'Anggaran (Rp)': 1500000,
          'Tanggal Penerapan': '2025-01-15',
          'Urusan Pemerintahan': '1.02',
        }),
      ],
    });
    const b = validate({
      rows: [
        validRow({
          'Anggaran (Rp)': 'Rp 1.500.000',
          'Tanggal Penerapan': dateCell(isoToSerial(2025, 1, 15)),
          'Urusan Pemerintahan': 'Kesehatan',
        }),
      ],
    });
    expect(b.contentHash).toBe(a.contentHash);
  });
  test('changes when a value changes, and when rows are re-ordered', () => {
    const base = validate({ rows }).contentHash;
    expect(validate({ rows: [validRow({ Manfaat: 'lain' }), ...rows.slice(1)] }).contentHash).not.toBe(base);
    expect(validate({ rows: [...rows].reverse() }).contentHash).not.toBe(base);
  });
  test('is SHA-256 of the canonical JSON described by the spec', () => {
    const v = validate({
      rows: [inisiatifRow({ 'Anggaran (Rp)': '1,5 juta', 'Urusan Pemerintahan': '1.2' })],
    });
    const doc = contentDocument(v.submission!);
    expect(Object.keys(doc.identitas)).toEqual([
      'opd',
      'tahun',
      'penanggungJawab',
      'jabatan',
      'email',
      'telepon',
      'tanggalPengisian',
      'versiTemplat',
    ]);
    expect(doc.identitas.tahun).toBe(2026);
    expect(doc.identitas.tanggalPengisian).toBe('2026-10-01');
    const row = doc.rows[0];
    expect(row).not.toHaveProperty('no');
    expect(row).not.toHaveProperty('status');
    expect(row.anggaran).toBe('1,5 juta'); // failed to parse: its trimmed text
    expect(row.urusan).toBe('1.02');
    expect(row.tglPenerapan).toBeNull();
    expect(row.targetPenerapan).toBe(2027);
    const json = canonicalJson(doc);
    expect(json).not.toMatch(/\s"|":\s|,\s"/);
    expect(json.indexOf('"identitas"')).toBeLessThan(json.indexOf('"rows"'));
    expect(v.contentHash).toBe('sha256:' + createHash('sha256').update(json, 'utf8').digest('hex'));
  });
});

describe('severity overrides from the reference', () => {
  const withSeverity = (severity: Record<string, string>): Reference => {
    const ref = defaultReference();
    return { ...ref, parameter: { ...ref.parameter, severity: severity as never } };
  };
  test('a rule switched off makes no finding; another becomes a warning', () => {
    const ref = withSeverity({ 'SOP-03': 'off', 'SOP-01': 'warning' });
    const v = validate({ rows: [validRow({ 'Nomor SOP': null, 'Dasar Hukum': null })] }, ref);
    expect(found(v)).toEqual(['SOP-01@M2']);
    expect(v.findings[0].severity).toBe('warning');
  });
  test('minWords and name bounds come from the reference parameters', () => {
    const ref = defaultReference();
    const custom = { ...ref, parameter: { ...ref.parameter, minWords: 10, namaMin: 3 } };
    expect(
      found(
        validate(
          {
            rows: [
              validRow({
                'Rancang Bangun': 'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh',
                'Nama Inovasi': 'Abc',
              }),
            ],
          },
          custom,
        ),
      ),
    ).toEqual([]);
  });
});

test('an empty cell ("-" or spaces) is reported with value null, and its id uses an empty value', () => {
  const v = validate({ rows: [validRow({ Tujuan: ' - ' })] });
  expect(v.findings[0].value).toBeNull();
  expect(v.findings[0].id).toBe(
    createHash('sha256')
      .update('FMT-01|Inovasi|posyandu digital bitung sehat#1|tujuan|')
      .digest('hex')
      .slice(0, 12),
  );
});

test('the native SHA-256 the command line installs gives the same ids and hashes as the portable one', () => {
  const { installNativeSha256 } = jest.requireActual('../../src/cli/nativeHash');
  const { useSha256 } = jest.requireActual('../../src/engine/hash');
  const spec = {
    rows: [
      validRow({ 'Nama Inovasi': 'Layanan «Cepat» — ñandú 日本', 'Tahapan Inovasi': 'x' }),
      inisiatifRow(),
    ],
  };
  const portable = validate(spec);
  installNativeSha256();
  try {
    const native = validate(spec);
    expect(native.contentHash).toBe(portable.contentHash);
    expect(native.findings.map((f) => f.id)).toEqual(portable.findings.map((f) => f.id));
    expect(native.contentHash).toBe(
      'sha256:' +
        createHash('sha256')
          .update(canonicalJson(contentDocument(native.submission!)), 'utf8')
          .digest('hex'),
    );
  } finally {
    useSha256(null);
  }
});

test('the content hash quotes text exactly as JSON.stringify does, escapes and surrogates included', () => {
  const awkward = [
    'kutip "ganda"',
    'garis\\miring',
    'baris\nbaru',
    'tab\tdi sini',
    '\u0001kontrol',
    '𝒜 astral',
    'lone \ud800 surrogate',
    '\u2028 separator',
  ];
  const v = validate({
    rows: awkward.map((t, i) => validRow({ 'Nama Inovasi': `Inovasi ${i} ${t}`, Manfaat: t })),
  });
  expect(v.contentHash).toBe(
    'sha256:' +
      createHash('sha256')
        .update(canonicalJson(contentDocument(v.submission!)), 'utf8')
        .digest('hex'),
  );
});

test('a sheet of many hashing batches (rows handed over ~64 K characters at a time) hashes as one canonical document', () => {
  const long = 'rancang bangun layanan "terpadu" \\ baris\n'.repeat(40);
  const rows = Array.from({ length: 120 }, (_, i) =>
    validRow({ 'Nama Inovasi': `Inovasi Panjang ${i + 1}`, 'Rancang Bangun': `${long} ${i}` }),
  );
  const v = validate({ rows });
  const json = canonicalJson(contentDocument(v.submission!));
  expect(json.length).toBeGreaterThan(3 * 64 * 1024);
  expect(v.contentHash).toBe('sha256:' + createHash('sha256').update(json, 'utf8').digest('hex'));
});
