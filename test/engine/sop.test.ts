import { LABELS, colOf, found, inisiatifRow, validate, validRow, words } from '../helpers/workbook';
import { isRecognisableRegulation, missingRegulationParts } from '../../src/engine/rules/rows';
import { findingMessage } from '../../src/engine/messages';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';

const at = (label: string, row = 2, header = LABELS) => `${colOf(label, header)}${row}`;

describe('SOP-01', () => {
  test('an implemented innovation without a legal basis (instead of FMT-01)', () => {
    expect(found(validate({ rows: [validRow({ 'Dasar Hukum': null })] }))).toEqual([
      `SOP-01@${at('Dasar Hukum')}`,
    ]);
  });
  test('quiet before Penerapan', () => {
    expect(found(validate({ rows: [inisiatifRow({ 'Dasar Hukum': null })] }))).toEqual([]);
  });
});

describe('SOP-02', () => {
  test('a legal basis without type, number and year is a warning', () => {
    const v = validate({ rows: [validRow({ 'Dasar Hukum': 'SK Kadis' })] });
    expect(found(v)).toEqual([`SOP-02@${at('Dasar Hukum')}`]);
    expect(v.findings[0].severity).toBe('warning');
  });
  test.each([
    ['Peraturan Wali Kota Bitung Nomor 12 Tahun 2024', true],
    ['Perwako No. 5 Tahun 2023', true],
    ['Perda Kota Bitung No.3/2021', true],
    ['Keputusan Wali Kota Bitung Nomor 188.45/HKM/SK/45/2024', true],
    ['SK Kepala Dinas Kesehatan Nomor 440/12/2025', true],
    ['Keputusan Kepala Badan Nomor 7 Tahun 2022', true],
    ['Keputusan Kepala Dinas Kesehatan Nomor DINKES/123/2024', true],
    ['Perwali Nomor 12', false],
    ['Peraturan Wali Kota Tahun 2024', false],
    ['Surat Edaran Nomor 3 Tahun 2024', false],
    ['Perwako No. 1 Tahun 1999', false],
    ['Keputusan Camat Girian Nomor 12 Tahun 2025', true],
    ['Keputusan Lurah Manembo-nembo Nomor 3 Tahun 2024', true],
    ['Peraturan Bupati Minahasa Utara Nomor 7 Tahun 2023', true],
    ['Perbup No. 2 Tahun 2022', true],
    ['Keputusan Bupati Nomor 100 Tahun 2024', true],
    ['Perwakot Nomor 1 Tahun 2024', false], // not a whole word of any type
  ])('%s → recognised %s', (text, ok) => {
    expect(isRecognisableRegulation(text)).toBe(ok);
  });
  test.each([
    [
      'Surat Edaran Nomor 3 Tahun 2024',
      ['jenis'],
      'Dasar hukum «Surat Edaran Nomor 3 Tahun 2024» tidak menyebut jenis peraturan yang dikenal.',
    ],
    ['Perwali Nomor 12', ['tahun'], 'Dasar hukum «Perwali Nomor 12» tidak menyebut tahun.'],
    [
      'Peraturan Wali Kota Tahun 2024',
      ['nomor'],
      'Dasar hukum «Peraturan Wali Kota Tahun 2024» tidak menyebut nomor.',
    ],
    [
      'SK Kadis',
      ['jenis', 'nomor', 'tahun'],
      'Dasar hukum «SK Kadis» tidak menyebut jenis peraturan yang dikenal, nomor, dan tahun.',
    ],
  ])('%s: says what it could not find', (text, parts, message) => {
    expect(missingRegulationParts(text)).toEqual(parts);
    const v = validate({ rows: [validRow({ 'Dasar Hukum': text })] });
    expect(findingMessage(v.findings[0], 'id')).toBe(message);
  });
  test('the English text names the missing parts too', () => {
    const v = validate({ rows: [validRow({ 'Dasar Hukum': 'Perwali 2024' })] });
    expect(findingMessage(v.findings[0], 'en')).toBe('Legal basis «Perwali 2024» does not state a number.');
  });
  test("the reference's own list replaces the default (a regency, a new decree form), with no code", () => {
    const ref = defaultReference();
    const regency: Reference = {
      ...ref,
      parameter: { ...ref.parameter, jenisRegulasi: ['Peraturan Bupati', 'Instruksi Bupati'] },
    };
    const row = (dasar: string) => validate({ rows: [validRow({ 'Dasar Hukum': dasar })] }, regency);
    expect(found(row('Instruksi Bupati Nomor 4 Tahun 2025'))).toEqual([]);
    expect(found(row('Peraturan Wali Kota Nomor 12 Tahun 2024'))).toEqual([`SOP-02@${at('Dasar Hukum')}`]);
  });
});

describe('SOP-03', () => {
  test('an implemented innovation without an SOP number', () => {
    expect(found(validate({ rows: [validRow({ 'Nomor SOP': '' })] }))).toEqual([`SOP-03@${at('Nomor SOP')}`]);
  });
});

describe('SOP-04', () => {
  test('one finding per empty component, with its own Pasal 21 letter', () => {
    const v = validate({ rows: [validRow({ 'SP Prosedur': null, 'SP Penanganan Pengaduan': '-' })] });
    expect(found(v)).toEqual([`SOP-04@${at('SP Prosedur')}`, `SOP-04@${at('SP Penanganan Pengaduan')}`]);
    expect(v.findings.map((f) => f.basis)).toEqual([
      'UU 25/2009 Pasal 21 huruf c',
      'UU 25/2009 Pasal 21 huruf j',
    ]);
  });
  test('absent component columns point at the nama cell', () => {
    const header = LABELS.filter((l) => !l.startsWith('SP '));
    const v = validate({ header, rows: [validRow()] });
    expect(found(v)).toEqual(Array(6).fill(`SOP-04@${at('Nama Inovasi', 2, header)}`));
    expect(new Set(v.findings.map((f) => f.id)).size).toBe(6);
  });
  test('quiet for Inisiatif, for other forms, and when bentuk is invalid', () => {
    const empty = { 'SP Prosedur': null };
    expect(found(validate({ rows: [inisiatifRow(empty)] }))).toEqual([]);
    expect(found(validate({ rows: [validRow({ ...empty, 'Bentuk Inovasi': 'Lainnya' })] }))).toEqual([]);
    expect(found(validate({ rows: [validRow({ ...empty, 'Bentuk Inovasi': 'Pelayanan' })] }))).toEqual([
      `FMT-02@${at('Bentuk Inovasi')}`,
    ]);
  });
  test('a component with an invalid value is FMT-04, not SOP-04', () => {
    expect(found(validate({ rows: [validRow({ 'SP Jangka Waktu (hari)': 'seminggu' })] }))).toEqual([
      `FMT-04@${at('SP Jangka Waktu (hari)')}`,
    ]);
  });
});

describe('SOP-05', () => {
  test('zero or negative days', () => {
    expect(found(validate({ rows: [validRow({ 'SP Jangka Waktu (hari)': 0 })] }))).toEqual([
      `SOP-05@${at('SP Jangka Waktu (hari)')}`,
    ]);
    expect(found(validate({ rows: [validRow({ 'SP Jangka Waktu (hari)': '-2 hari' })] }))).toEqual([
      `SOP-05@${at('SP Jangka Waktu (hari)')}`,
    ]);
  });
});

describe('SOP-06', () => {
  test('an error for Penerapan, a warning before it, with the count and the minimum', () => {
    const v = validate({
      rows: [validRow({ 'Rancang Bangun': words(299) }), inisiatifRow({ 'Rancang Bangun': words(10) })],
    });
    expect(found(v)).toEqual([`SOP-06@${at('Rancang Bangun')}`, `SOP-06@${at('Rancang Bangun', 3)}`]);
    expect(v.findings.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(v.findings[0].params).toEqual({ n: 299, min: 300 });
  });
  test('words are runs of letters or digits, Unicode-aware', () => {
    const text = Array.from({ length: 150 }, () => 'Pelayanan—cepat,').join(' ');
    expect(found(validate({ rows: [validRow({ 'Rancang Bangun': text })] }))).toEqual([]);
  });
});

describe('SOP-07', () => {
  test('one per missing field, naming it', () => {
    const v = validate({ rows: [validRow({ 'Hasil Inovasi': null, 'Tautan Data Dukung': null })] });
    expect(found(v)).toEqual([`SOP-07@${at('Hasil Inovasi')}`, `SOP-07@${at('Tautan Data Dukung')}`]);
    expect(v.findings.map((f) => f.params.kolom)).toEqual(['Hasil Inovasi', 'Tautan Data Dukung']);
  });
});
