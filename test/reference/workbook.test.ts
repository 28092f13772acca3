import { CellValue, WorkbookGrid, dateCell, errorCell } from '../../src/engine/grid';
import { defaultReference, parseReferenceJson, referenceId } from '../../src/engine/reference/load';
import { ReferenceProblem } from '../../src/engine/reference/model';
import {
  ReferenceSheet,
  hasReferenceSheets,
  referenceFromGrid,
  referenceToGrid,
} from '../../src/engine/reference/workbook';

type Rows = CellValue[][];

/** The default reference as mutable sheets. */
function sampleSheets(): { name: string; rows: Rows }[] {
  return referenceToGrid(defaultReference()).map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));
}
const grid = (sheets: { name: string; rows: Rows }[]): WorkbookGrid => ({ sheets });
const sheet = (sheets: { name: string; rows: Rows }[], name: string) => sheets.find((s) => s.name === name)!;

function problemsOf(sheets: { name: string; rows: Rows }[]): ReferenceProblem[] {
  const result = referenceFromGrid(grid(sheets), 'bitung-contoh');
  if (result.ok) throw new Error('expected the reference to be refused');
  return result.problems;
}

describe('referenceToGrid', () => {
  it('writes the sheets of docs/spec/reference-data.md with headers in row 1', () => {
    const sheets = referenceToGrid(defaultReference());
    expect(sheets.map((s) => s.name)).toEqual([
      'Daerah',
      'OPD',
      'Misi',
      'Tujuan',
      'Sasaran',
      'Program',
      'Parameter',
      'Tingkat',
      'IID Indikator',
    ]);
    const byName = (n: string): ReferenceSheet => sheets.find((s) => s.name === n)!;
    expect(byName('Daerah').rows).toEqual([
      ['Nama', 'Kode', 'Periode Mulai', 'Periode Akhir', 'Visi', 'Zona Waktu'],
      ['Kota Bitung', '71.72', 2025, 2029, 'Harmonisasi Menuju Bitung Maju', 'Asia/Makassar'],
    ]);
    expect(byName('OPD').rows[0]).toEqual(['Kode', 'Nama', 'Alias', 'Bidang Urusan']);
    expect(byName('OPD').rows[4]).toEqual([
      'DIKBUD',
      'Dinas Pendidikan dan Kebudayaan',
      'Disdikbud; Dinas Pendidikan',
      '1.01; 2.22',
    ]);
    expect(byName('Program').rows[0]).toEqual([
      'Kode',
      'Nama',
      'Sasaran',
      'OPD Penanggung Jawab',
      'Indikator',
      'Satuan',
      'Target 2025',
      'Target 2026',
      'Target 2027',
      'Target 2028',
      'Target 2029',
    ]);
    expect(byName('Program').rows[1].slice(6)).toEqual([96, 96.5, 97, 97.5, 98]);
    expect(byName('Parameter').rows).toEqual([
      ['Nama', 'Nilai'],
      ['Nama Referensi', 'bitung-contoh'],
      ['Jumlah kata minimal', 300],
      ['Panjang nama minimal', 5],
      ['Panjang nama maksimal', 200],
      ['Baris pencarian judul', 20],
      ['Tingkat Wajib', 'Disetujui Kepala OPD'],
      ['Tahun IID', 2026],
      ['Sumber IID', defaultReference().iid!.sumber],
      ['Pembagi IID', 10],
      ['Ambang Siap IID', 80],
    ]);
    expect(byName('IID Indikator').rows[0]).toEqual([
      'No',
      'Kode',
      'Nama',
      'Bobot',
      'Wajib',
      'Tingkat 1',
      'Tingkat 2',
      'Tingkat 3',
      'Bukti',
      'Turunan',
    ]);
    expect(byName('IID Indikator').rows[1]).toEqual([
      16,
      'regulasi',
      'Regulasi Inovasi Daerah',
      3,
      'Ya',
      ...defaultReference().iid!.indikator[0].tingkat,
      defaultReference().iid!.indikator[0].bukti,
      'dasarHukum',
    ]);
    expect(byName('Tingkat').rows).toEqual([
      ['Kunci', 'Label', 'Label EN'],
      ['penyusun', 'Disusun', 'Prepared'],
      ['kepalaOpd', 'Disetujui Kepala OPD', 'Approved by head of agency'],
      ['verifikator', 'Diverifikasi', 'Verified'],
    ]);
  });
});

describe('referenceFromGrid', () => {
  it('JSON → grid → reference keeps the reference id', () => {
    const ref = defaultReference();
    const back = referenceFromGrid(grid(referenceToGrid(ref)), 'bitung-contoh');
    expect(back.ok ? [] : back.problems).toEqual([]);
    expect(back.ok && back.reference).toEqual(ref);
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(ref));
  });

  it('round-trips severity overrides, regulation types and an own nomenclature', () => {
    const json = JSON.parse(JSON.stringify(defaultReference()));
    json.parameter.severity = { 'SOP-06': 'off', 'RPJ-03': 'info' };
    json.parameter.jenisRegulasi = ['Peraturan Bupati', 'Keputusan Camat'];
    json.rpjmd.program = [json.rpjmd.program[0]];
    json.opd = [{ ...json.opd[3], bidang: ['1.01'] }];
    json.nomenklatur = {
      bidang: [{ kode: '1.01', nama: 'URUSAN PEMERINTAHAN BIDANG PENDIDIKAN', singkat: 'Pendidikan' }],
      program: [{ kode: '1.01.02', nama: 'PROGRAM PENGELOLAAN PENDIDIKAN' }],
    };
    const ref = parseReferenceJson(json);
    if (!ref.ok) throw new Error(JSON.stringify(ref.problems));
    const sheets = referenceToGrid(ref.reference);
    expect(sheets.map((s) => s.name)).toContain('Nomenklatur Program');
    expect(sheets.find((s) => s.name === 'Parameter')!.rows.slice(-2)).toEqual([
      ['Tingkat aturan RPJ-03', 'info'],
      ['Tingkat aturan SOP-06', 'nonaktif'],
    ]);
    const back = referenceFromGrid(grid(sheets), 'bitung-contoh');
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(ref.reference));
  });

  it('matches sheet names and headers case-insensitively after normalisation', () => {
    const sheets = sampleSheets();
    for (const s of sheets) {
      s.name = s.name.toUpperCase();
      s.rows[0] = s.rows[0].map((h) => (typeof h === 'string' ? ` ${h.toLowerCase()}: ` : h));
    }
    const back = referenceFromGrid(grid(sheets), 'bitung-contoh');
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(defaultReference()));
  });

  it('skips blank rows, ignores unknown columns, and takes columns in any order', () => {
    const sheets = sampleSheets();
    const opd = sheet(sheets, 'OPD');
    opd.rows = opd.rows.map((r) => [r[3], 'catatan', r[1], r[0], r[2]]);
    opd.rows[0][1] = 'Keterangan';
    opd.rows.splice(3, 0, [null, '  ', null], []);
    const back = referenceFromGrid(grid(sheets), 'bitung-contoh');
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(defaultReference()));
  });

  it('reads codes typed as numbers by their shortest decimal text, and lists split on ; or line breaks', () => {
    const sheets = sampleSheets();
    const opd = sheet(sheets, 'OPD');
    opd.rows[5][3] = 1.02; // DINKES
    opd.rows[4][3] = '1.1;\n 2.22'; // DIKBUD: 1.1 means 1.01
    const back = referenceFromGrid(grid(sheets), 'bitung-contoh');
    expect(back.ok && back.reference.opd[4].bidang).toEqual(['1.02']);
    expect(back.ok && back.reference.opd[3].bidang).toEqual(['1.01', '2.22']);
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(defaultReference()));
  });

  it('accepts bidang urusan by name and years typed as text', () => {
    const sheets = sampleSheets();
    sheet(sheets, 'OPD').rows[5][3] = 'Kesehatan';
    sheet(sheets, 'Daerah').rows[1][2] = '2025';
    const back = referenceFromGrid(grid(sheets), 'bitung-contoh');
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(defaultReference()));
  });

  it('names the sheet and worksheet row of a consistency problem', () => {
    const sheets = sampleSheets();
    sheet(sheets, 'Program').rows[12][0] = '1.02.99';
    const problems = problemsOf(sheets);
    expect(problems).toEqual([
      {
        part: 'Program',
        row: 13,
        message: {
          id: 'Lembar Program baris 13 (kode 1.02.99): kode tidak ada dalam nomenklatur',
          en: 'Sheet Program row 13 (code 1.02.99): code not in the nomenclature',
        },
      },
    ]);
  });

  it('counts worksheet rows, blank rows included', () => {
    const sheets = sampleSheets();
    const sasaran = sheet(sheets, 'Sasaran');
    sasaran.rows.splice(1, 0, [], [null]);
    sasaran.rows[3][1] = 'T9'; // first data row, now worksheet row 4
    expect(problemsOf(sheets).map((p) => p.message.id)).toEqual([
      'Lembar Sasaran baris 4 (kode S1.1.1): tujuan «T9» tidak ada',
    ]);
  });

  it('places duplicate OPD names and period problems', () => {
    const sheets = sampleSheets();
    sheet(sheets, 'OPD').rows[6][2] = 'Dinas PU; Perkim'; // PUPR (worksheet row 7) takes PERKIM's code
    sheet(sheets, 'Daerah').rows[1][3] = 2040;
    const problems = problemsOf(sheets);
    expect(problems.map((p) => [p.part, p.row])).toEqual([
      ['Daerah', 2],
      ['OPD', 8],
    ]);
    expect(problems[1].message.id).toBe(
      'Lembar OPD baris 8 (kode PERKIM): nama atau alias «PERKIM» sama dengan «Perkim» (Lembar OPD baris 7) setelah dinormalisasi',
    );
  });

  it('reports missing sheets, missing columns and empty required cells', () => {
    const sheets = sampleSheets().filter((s) => s.name !== 'Misi');
    const program = sheet(sheets, 'Program');
    program.rows[0][3] = 'Penanggung';
    const tujuan = sheet(sheets, 'Tujuan');
    tujuan.rows[2][2] = ' ';
    const problems = problemsOf(sheets);
    expect(problems.map((p) => p.message.id).sort()).toEqual([
      'Lembar Program baris 1: kolom «OPD Penanggung Jawab» tidak ada',
      'Lembar Tujuan baris 3: «Uraian» kosong',
      'Lembar «Misi» tidak ada',
    ]);
    expect(problems.find((p) => p.part === 'Misi')).toEqual({
      part: 'Misi',
      row: null,
      message: { id: 'Lembar «Misi» tidak ada', en: 'Sheet «Misi» is missing' },
    });
    expect(problems).toHaveLength(3);
  });

  it('reports error values and dates in cells', () => {
    const sheets = sampleSheets();
    sheet(sheets, 'Misi').rows[1][1] = errorCell('#REF!');
    sheet(sheets, 'OPD').rows[1][1] = dateCell(45000);
    expect(problemsOf(sheets).map((p) => p.message.en)).toEqual([
      'Sheet Misi row 2: «Uraian» holds the error #REF!',
      'Sheet OPD row 2: «Nama» holds a date, not text',
    ]);
  });

  it('requires one data row in Daerah', () => {
    const sheets = sampleSheets();
    const daerah = sheet(sheets, 'Daerah');
    daerah.rows.push([...daerah.rows[1]]);
    expect(problemsOf(sheets).map((p) => [p.part, p.row, p.message.id])).toEqual([
      ['Daerah', 3, 'Lembar Daerah baris 3: lembar Daerah hanya boleh berisi satu baris data'],
    ]);
  });

  it('reads the Parameter sheet: severity rows, numbers typed as text, unknown names refused', () => {
    const sheets = sampleSheets();
    const parameter = sheet(sheets, 'Parameter');
    parameter.rows[2][1] = '250';
    parameter.rows.push(['Severity.sop-06', ' Off '], ['severity.RPJ-03', 'info']);
    let result = referenceFromGrid(grid(sheets), 'x');
    expect(result.ok && result.reference.parameter).toEqual({
      minWords: 250,
      namaMin: 5,
      namaMax: 200,
      headerSearchRows: 20,
      severity: { 'RPJ-03': 'info', 'SOP-06': 'off' },
    });
    parameter.rows.push(['minKata', 3], ['severity.RPJ-04', 'kadang'], ['namaMax', null]);
    result = referenceFromGrid(grid(sheets), 'x');
    expect(result.ok ? [] : result.problems.map((p) => [p.part, p.row])).toEqual([
      // after the sample's 11 rows (incl. Nama Referensi and the four IID rows): the pushed rows 12–16
      ['Parameter', 16],
      ['Parameter', 14],
      ['Parameter', 15],
    ]);
  });

  it('uses defaults when the Parameter sheet is absent', () => {
    // Without the IID sheet too: the IID year and source are Parameter rows.
    const sheets = sampleSheets().filter((s) => s.name !== 'Parameter' && s.name !== 'IID Indikator');
    const result = referenceFromGrid(grid(sheets), 'bitung-contoh');
    const { iid: _iid, ...withoutIid } = defaultReference();
    void _iid;
    expect(result.ok && referenceId(result.reference)).toBe(referenceId(withoutIid));
  });

  it('an IID Indikator sheet without the IID parameter rows is refused, naming the parameter', () => {
    const sheets = sampleSheets().filter((s) => s.name !== 'Parameter');
    const result = referenceFromGrid(grid(sheets), 'bitung-contoh');
    expect(result.ok ? [] : result.problems.map((p) => p.message.id)).toEqual([
      expect.stringMatching(/Tahun IID.*tahun IID harus tahun 2000–2100/),
      expect.stringMatching(/Sumber IID.*sumber IID wajib diisi/),
    ]);
  });

  it('refuses a reference name with @, in Nama Referensi or (without that row) the name given', () => {
    const sheets = sampleSheets();
    sheet(sheets, 'Parameter').rows[1][1] = 'a@b';
    expect(problemsOf(sheets).map((p) => [p.part, p.row])).toEqual([['Parameter', 2]]);
    const without = sampleSheets();
    sheet(without, 'Parameter').rows.splice(1, 1);
    expect(referenceFromGrid(grid(without), 'a@b').ok).toBe(false);
  });
});

describe('hasReferenceSheets', () => {
  it('is true when Daerah, OPD and Program exist (any case)', () => {
    expect(hasReferenceSheets(grid(sampleSheets()))).toBe(true);
    expect(
      hasReferenceSheets(
        grid([
          { name: 'daerah', rows: [] },
          { name: 'opd', rows: [] },
          { name: 'PROGRAM', rows: [] },
        ]),
      ),
    ).toBe(true);
    expect(
      hasReferenceSheets(
        grid([
          { name: 'Daerah', rows: [] },
          { name: 'OPD', rows: [] },
          { name: 'Inovasi', rows: [] },
        ]),
      ),
    ).toBe(false);
  });
});
