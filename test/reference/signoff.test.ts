/** Sign-off levels, tingkatWajib, the schedule and the time zone in both reference forms (docs/spec/signoff.md). */
import { CellValue, dateCell } from '../../src/engine/grid';
import { EMBEDDED_REFERENCE_JSON } from '../../src/engine/reference/data/embedded';
import {
  defaultReference,
  parseReferenceJson,
  referenceId,
  referenceToJson,
} from '../../src/engine/reference/load';
import { DEFAULT_TINGKAT, ReferenceProblem } from '../../src/engine/reference/model';
import { referenceFromGrid, referenceToGrid } from '../../src/engine/reference/workbook';

/* eslint-disable @typescript-eslint/no-explicit-any */
const sample = (): any => JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON));
const JADWAL = { tahun: 2026, batas: { kepalaOpd: '2026-03-31', verifikator: '2026-04-30' } };

function problemsOf(obj: unknown): ReferenceProblem[] {
  const result = parseReferenceJson(obj);
  if (result.ok) throw new Error('expected the reference to be refused');
  return result.problems;
}
const where = (ps: ReferenceProblem[]) => ps.map((p) => [p.part, p.row]);

describe('the embedded sample', () => {
  it('is in Bitung time (WITA), has the default three levels, requires kepalaOpd and has no schedule', () => {
    const ref = defaultReference();
    expect(ref.daerah.zonaWaktu).toBe('Asia/Makassar');
    expect(ref.tingkatPersetujuan).toEqual(DEFAULT_TINGKAT);
    expect(ref.tingkatPersetujuan.map((t) => t.kunci)).toEqual(['penyusun', 'kepalaOpd', 'verifikator']);
    expect(ref.tingkatWajib).toBe('kepalaOpd');
    expect(ref.jadwal).toBeUndefined();
    expect('jadwal' in (EMBEDDED_REFERENCE_JSON as object)).toBe(false);
  });

  it('a reference without zonaWaktu is in Asia/Jakarta', () => {
    const ref = sample();
    delete ref.daerah.zonaWaktu;
    const r = parseReferenceJson(ref);
    expect(r.ok && r.reference.daerah.zonaWaktu).toBe('Asia/Jakarta');
  });

  it('the default levels written out give the same reference id as leaving them out', () => {
    const ref = sample();
    ref.tingkatPersetujuan = DEFAULT_TINGKAT;
    ref.tingkatWajib = 'kepalaOpd';
    const r = parseReferenceJson(ref);
    expect(r.ok && referenceId(r.reference)).toBe(referenceId(defaultReference()));
  });
});

describe('JSON form', () => {
  it('reads levels, tingkatWajib and the schedule (deadlines in level order)', () => {
    const ref = sample();
    ref.tingkatPersetujuan = [
      { kunci: 'penyusun', label: 'Disusun', labelEn: 'Prepared' },
      { kunci: 'sekretaris', label: 'Diperiksa Sekretaris', labelEn: 'Checked by secretary' },
      { kunci: 'kepalaOpd', label: 'Disetujui Kepala OPD', labelEn: 'Approved' },
      { kunci: 'verifikator', label: 'Diverifikasi', labelEn: 'Verified' },
    ];
    ref.tingkatWajib = 'sekretaris';
    ref.jadwal = { tahun: 2026, batas: { verifikator: '2026-04-30', sekretaris: '2026-03-15' } };
    const r = parseReferenceJson(ref);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.reference.tingkatPersetujuan).toHaveLength(4);
    expect(r.reference.tingkatWajib).toBe('sekretaris');
    expect(r.reference.jadwal).toEqual({
      tahun: 2026,
      batas: { sekretaris: '2026-03-15', verifikator: '2026-04-30' },
    });
    expect(Object.keys(r.reference.jadwal!.batas)).toEqual(['sekretaris', 'verifikator']);
    expect(referenceToJson(r.reference).jadwal).toEqual(r.reference.jadwal);
  });

  it('zonaWaktu must be an IANA zone (fires; Asia/Jayapura stays quiet)', () => {
    const ref = sample();
    ref.daerah.zonaWaktu = 'WITA';
    const ps = problemsOf(ref);
    expect(where(ps)).toEqual([['daerah.zonaWaktu', null]]);
    expect(ps[0].message.id).toContain('«WITA»');
    ref.daerah.zonaWaktu = 'Asia/Jayapura';
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('levels are 1 to 5', () => {
    const ref = sample();
    ref.tingkatPersetujuan = [];
    expect(problemsOf(ref)[0].message.en).toMatch(/list «tingkatPersetujuan» is empty|1 to 5/);
    ref.tingkatPersetujuan = Array.from({ length: 6 }, (_, i) => ({
      kunci: `t${i}`,
      label: `T${i}`,
      labelEn: `T${i}`,
    }));
    ref.tingkatWajib = 't1';
    const ps = problemsOf(ref);
    expect(where(ps)).toEqual([['tingkatPersetujuan', null]]);
    expect(ps[0].message.en).toContain('1 to 5 sign-off levels, not 6');
    ref.tingkatPersetujuan = ref.tingkatPersetujuan.slice(0, 5);
    expect(parseReferenceJson(ref).ok).toBe(true);
    ref.tingkatPersetujuan = ref.tingkatPersetujuan.slice(0, 1);
    ref.tingkatWajib = 't0';
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('level keys are unique and well formed, labels required; the bad row is named', () => {
    const ref = sample();
    ref.tingkatPersetujuan = [
      { kunci: 'penyusun', label: 'Disusun', labelEn: 'Prepared' },
      { kunci: 'kepalaOpd', label: 'Disetujui', labelEn: 'Approved' },
      { kunci: 'penyusun', label: 'Lagi', labelEn: 'Again' },
      { kunci: 'kepala:opd', label: 'X', labelEn: 'X' },
    ];
    const ps = problemsOf(ref);
    expect(where(ps)).toEqual([
      ['tingkatPersetujuan', 3],
      ['tingkatPersetujuan', 4],
    ]);
    expect(ps[0].message.id).toBe(
      'Tingkat persetujuan baris 3 (kode penyusun): kunci tingkat sudah dipakai (Tingkat persetujuan baris 1)',
    );
    ref.tingkatPersetujuan = [{ kunci: 'penyusun', label: 'Disusun' }];
    expect(where(problemsOf(ref))).toEqual([['tingkatPersetujuan', 1]]);
  });

  it('tingkatWajib names a defined level', () => {
    const ref = sample();
    ref.tingkatWajib = 'walikota';
    const ps = problemsOf(ref);
    expect(where(ps)).toEqual([['tingkatWajib', null]]);
    expect(ps[0].message.en).toContain(
      '«walikota» is not a defined sign-off level (penyusun, kepalaOpd, verifikator)',
    );
    ref.tingkatWajib = 'verifikator';
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('every jadwal key names a defined level', () => {
    const ref = sample();
    ref.jadwal = { tahun: 2026, batas: { kepalaOpd: '2026-03-31', bappeda: '2026-04-30' } };
    const ps = problemsOf(ref);
    expect(where(ps)).toEqual([['jadwal.batas', 2]]);
    expect(ps[0].message.id).toContain('Jadwal «bappeda»: tingkat «bappeda» tidak didefinisikan');
    ref.jadwal = JADWAL;
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('jadwal dates are valid calendar days (29 February only in a leap year)', () => {
    const ref = sample();
    ref.jadwal = {
      tahun: 2026,
      batas: { penyusun: '2026-02-29', kepalaOpd: '31/03/2026', verifikator: '2026-04-30' },
    };
    const ps = problemsOf(ref);
    expect(where(ps)).toEqual([
      ['jadwal.batas', 1],
      ['jadwal.batas', 2],
    ]);
    expect(ps[0].message.en).toContain('deadline «2026-02-29» is not a valid YYYY-MM-DD date');
    ref.jadwal = { tahun: 2028, batas: { penyusun: '2028-02-29' } };
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('jadwal dates ascend in level order (equal is allowed)', () => {
    const ref = sample();
    ref.jadwal = { tahun: 2026, batas: { verifikator: '2026-03-30', kepalaOpd: '2026-03-31' } };
    const ps = problemsOf(ref);
    expect(where(ps)).toEqual([['jadwal.batas', 1]]);
    expect(ps[0].message.id).toContain(
      'batas 2026-03-30 untuk «verifikator» lebih awal dari batas 2026-03-31 untuk «kepalaOpd»',
    );
    ref.jadwal = { tahun: 2026, batas: { verifikator: '2026-03-31', kepalaOpd: '2026-03-31' } };
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('the schedule year is a year', () => {
    const ref = sample();
    ref.jadwal = { tahun: 26, batas: {} };
    expect(where(problemsOf(ref))).toEqual([['jadwal.tahun', null]]);
    ref.jadwal = { batas: {} };
    expect(problemsOf(ref)[0].message.en).toContain('jadwal.tahun');
  });
});

describe('workbook form (Tingkat, Jadwal, Zona Waktu, tingkatWajib)', () => {
  type Rows = CellValue[][];
  const withSchedule = () => {
    const ref = sample();
    ref.jadwal = JADWAL;
    const r = parseReferenceJson(ref);
    if (!r.ok) throw new Error('bad');
    return r.reference;
  };
  const sheetsOf = (ref = withSchedule()) =>
    referenceToGrid(ref).map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) as Rows }));
  const sheet = (sheets: { name: string; rows: Rows }[], name: string) =>
    sheets.find((s) => s.name === name)!;
  const read = (sheets: { name: string; rows: Rows }[]) => referenceFromGrid({ sheets }, 'bitung-contoh');
  const problems = (sheets: { name: string; rows: Rows }[]) => {
    const r = read(sheets);
    if (r.ok) throw new Error('expected refusal');
    return r.problems;
  };

  it('writes Jadwal (Tingkat by label, Batas) and Tahun Jadwal, and reads them back to the same reference', () => {
    const ref = withSchedule();
    const sheets = sheetsOf(ref);
    expect(sheet(sheets, 'Jadwal').rows).toEqual([
      ['Tingkat', 'Batas'],
      ['Disetujui Kepala OPD', '2026-03-31'],
      ['Diverifikasi', '2026-04-30'],
    ]);
    expect(sheet(sheets, 'Parameter').rows).toContainEqual(['Tahun Jadwal', 2026]);
    const back = read(sheets);
    expect(back.ok && back.reference).toEqual(ref);
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(ref));
  });

  it('reads a deadline typed as an Excel date, and takes the year from the first deadline without a Tahun column', () => {
    const sheets = sheetsOf();
    sheet(sheets, 'Jadwal').rows = [
      ['Tingkat', 'Batas'],
      ['kepalaOpd', dateCell(46112)], // 2026-03-31
      ['Verified', '2026-04-30'], // a level by its English label
    ];
    const parameter = sheet(sheets, 'Parameter');
    parameter.rows = parameter.rows.filter((r) => r[0] !== 'Tahun Jadwal');
    const back = read(sheets);
    expect(back.ok && back.reference.jadwal).toEqual(JADWAL);
  });

  it('names the Jadwal row of an unknown level, a bad date, a repeated level and a date out of order', () => {
    const sheets = sheetsOf();
    sheet(sheets, 'Jadwal').rows.push(['bappeda', '2026-05-01', 2026], ['kepalaOpd', '2026-13-01', 2026]);
    expect(where(problems(sheets))).toEqual([
      ['Jadwal', 4],
      ['Jadwal', 5],
      ['Jadwal', 5],
    ]);
    const again = sheetsOf();
    sheet(again, 'Jadwal').rows[2][1] = '2026-03-01';
    const ps = problems(again);
    expect(where(ps)).toEqual([['Jadwal', 3]]);
    expect(ps[0].message.id).toMatch(/^Lembar Jadwal baris 3: batas 2026-03-01/);
  });

  it('names the Tingkat row of a repeated key, and the Parameter row of an unknown tingkatWajib', () => {
    const sheets = sheetsOf();
    sheet(sheets, 'Tingkat').rows.push(['kepalaOpd', 'Lagi', 'Again']);
    expect(where(problems(sheets))).toEqual([['Tingkat', 5]]);
    const again = sheetsOf();
    const param = sheet(again, 'Parameter').rows;
    param.find((r) => r[0] === 'Tingkat Wajib')![1] = 'walikota';
    const ps = problems(again);
    expect(where(ps)).toEqual([['Parameter', 7]]);
    expect(ps[0].message.id).toContain('tingkatWajib «walikota»');
  });

  it('names the Daerah row of an unknown Zona Waktu', () => {
    const sheets = sheetsOf();
    sheet(sheets, 'Daerah').rows[1][5] = 'Eropa/Bitung';
    expect(where(problems(sheets))).toEqual([['Daerah', 2]]);
  });

  it('without Tingkat and Jadwal sheets: the default levels, no schedule', () => {
    const sheets = sheetsOf().filter((s) => s.name !== 'Tingkat' && s.name !== 'Jadwal');
    const parameter = sheet(sheets, 'Parameter');
    parameter.rows = parameter.rows.filter((r) => r[0] !== 'Tahun Jadwal');
    const back = read(sheets);
    expect(back.ok && back.reference.tingkatPersetujuan).toEqual(DEFAULT_TINGKAT);
    expect(back.ok && back.reference.jadwal).toBeUndefined();
  });
});
