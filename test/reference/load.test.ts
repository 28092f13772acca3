import { EMBEDDED_REFERENCE_JSON } from '../../src/engine/reference/data/embedded';
import {
  defaultReference,
  parseNomenclatureCsv,
  parseReferenceJson,
  referenceId,
  referenceToJson,
} from '../../src/engine/reference/load';
import { ReferenceProblem } from '../../src/engine/reference/model';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A fresh, mutable copy of the sample JSON. */
const sample = (): any => JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON));

function problemsOf(obj: unknown): ReferenceProblem[] {
  const result = parseReferenceJson(obj);
  if (result.ok) throw new Error('expected the reference to be refused');
  return result.problems;
}

/** The only problem, checked to name its part and row in both languages. */
function onlyProblem(obj: unknown): ReferenceProblem {
  const problems = problemsOf(obj);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('parseReferenceJson: consistency checks', () => {
  it('every misi code is unique', () => {
    const ref = sample();
    ref.rpjmd.misi.push({ kode: 'M1', uraian: 'Misi kelima' });
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'rpjmd.misi', row: 5 });
    expect(p.message.id).toBe('Misi baris 5 (kode M1): kode sudah dipakai (Misi baris 1)');
    expect(p.message.en).toBe('Misi row 5 (code M1): code already used (Misi row 1)');
  });

  it('every tujuan, sasaran, program and OPD code is unique', () => {
    const ref = sample();
    ref.rpjmd.tujuan[1].kode = 'T1.1';
    ref.rpjmd.sasaran[4].kode = 'S1.1.1';
    ref.rpjmd.program[1].kode = ref.rpjmd.program[0].kode;
    ref.opd[4] = { ...ref.opd[4], kode: 'SETDA' };
    const problems = problemsOf(ref);
    expect(problems.map((p) => [p.part, p.row])).toEqual(
      expect.arrayContaining([
        ['rpjmd.tujuan', 2],
        ['rpjmd.sasaran', 5],
        ['rpjmd.program', 2],
        ['opd', 5],
      ]),
    );
    expect(problems.find((p) => p.part === 'rpjmd.program')!.message.id).toBe(
      'Program baris 2 (kode 1.01.02): kode sudah dipakai (Program baris 1)',
    );
  });

  it('every program code exists in the nomenclature', () => {
    const ref = sample();
    ref.rpjmd.program[11].kode = '1.02.99';
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'rpjmd.program', row: 12 });
    expect(p.message.id).toBe('Program baris 12 (kode 1.02.99): kode tidak ada dalam nomenklatur');
    expect(p.message.en).toBe('Program row 12 (code 1.02.99): code not in the nomenclature');
  });

  it('a program code that is no code at all is named as such', () => {
    const ref = sample();
    ref.rpjmd.program[0].kode = 'PROGRAM PENDIDIKAN';
    expect(onlyProblem(ref).message.id).toBe(
      'Program baris 1 (kode PROGRAM PENDIDIKAN): bukan kode program (mis. 1.02.02)',
    );
  });

  it("every program's sasaran exists", () => {
    const ref = sample();
    ref.rpjmd.program[3].sasaran = ['S1.1.1', 'S9.9.9'];
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'rpjmd.program', row: 4 });
    expect(p.message.id).toBe('Program baris 4 (kode 1.02.02): sasaran «S9.9.9» tidak ada');
    expect(p.message.en).toBe('Program row 4 (code 1.02.02): sasaran «S9.9.9» does not exist');
  });

  it("every sasaran's tujuan exists", () => {
    const ref = sample();
    ref.rpjmd.sasaran[0].tujuan = 'T9';
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'rpjmd.sasaran', row: 1 });
    expect(p.message.id).toBe('Sasaran baris 1 (kode S1.1.1): tujuan «T9» tidak ada');
  });

  it("every tujuan's misi exists", () => {
    const ref = sample();
    ref.rpjmd.tujuan[8].misi = 'M7';
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'rpjmd.tujuan', row: 9 });
    expect(p.message.en).toBe('Tujuan row 9 (code T4.2): misi «M7» does not exist');
  });

  it('every responsible OPD exists', () => {
    const ref = sample();
    ref.rpjmd.program[0].opd = ['DIKBUD', 'DINAS-ANTAH'];
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'rpjmd.program', row: 1 });
    expect(p.message.id).toBe('Program baris 1 (kode 1.01.02): OPD penanggung jawab «DINAS-ANTAH» tidak ada');
  });

  it('a responsible OPD may be given by its name or alias: stored as its code', () => {
    const ref = sample();
    ref.rpjmd.program[0].opd = ['Dinas Pendidikan dan Kebudayaan', 'dinkes'];
    const result = parseReferenceJson(ref);
    expect(result.ok && result.reference.rpjmd.program[0].opd).toEqual(['DIKBUD', 'DINKES']);
  });

  it("every OPD's bidang urusan exists in the nomenclature", () => {
    const ref = sample();
    ref.opd[4].bidang = ['1.02', '5.07'];
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'opd', row: 5 });
    expect(p.message.id).toBe('OPD baris 5 (kode DINKES): bidang urusan «5.07» tidak ada dalam nomenklatur');
  });

  it('bidang codes and program codes are made canonical (1.2 → 1.02, 1.2.2 → 1.02.02)', () => {
    const ref = sample();
    ref.opd[4].bidang = ['1.2'];
    ref.rpjmd.program[3].kode = '1.2.2';
    const result = parseReferenceJson(ref);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reference.opd[4].bidang).toEqual(['1.02']);
    expect(result.reference.rpjmd.program[3].kode).toBe('1.02.02');
    expect(referenceId(result.reference)).toBe(referenceId(defaultReference()));
  });

  it('the period is at most 10 years', () => {
    const ref = sample();
    ref.rpjmd.periode = { mulai: 2025, akhir: 2035 };
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'rpjmd.periode', row: null });
    expect(p.message.id).toBe('Periode RPJMD: periode RPJMD 2025–2035 lebih dari 10 tahun');
    ref.rpjmd.periode = { mulai: 2025, akhir: 2034 };
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('the period starts no later than it ends', () => {
    const ref = sample();
    ref.rpjmd.periode = { mulai: 2029, akhir: 2025 };
    expect(onlyProblem(ref).message.en).toBe(
      'RPJMD period: the RPJMD period starts (2029) after it ends (2025)',
    );
  });

  it('OPD names and aliases are unique after normalisation, across OPDs', () => {
    const ref = sample();
    ref.opd[5].alias = [...ref.opd[5].alias, 'dinas  KESEHATAN'];
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'opd', row: 6 });
    expect(p.message.id).toBe(
      'OPD baris 6 (kode PUPR): nama atau alias «dinas  KESEHATAN» sama dengan «Dinas Kesehatan» (OPD baris 5) setelah dinormalisasi',
    );
  });

  it('an OPD name may not equal another OPD’s alias or code', () => {
    const ref = sample();
    ref.opd[6].nama = 'Dinkes';
    ref.opd[7].alias = ['bpbd'];
    const problems = problemsOf(ref);
    expect(problems.map((p) => [p.part, p.row])).toEqual([
      ['opd', 7],
      ['opd', 9],
    ]);
  });

  it('an alias repeating the same OPD’s own name is harmless', () => {
    const ref = sample();
    ref.opd[4].alias = ['Dinkes', 'DINAS KESEHATAN'];
    expect(parseReferenceJson(ref).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const ref = sample();
    ref.rpjmd.misi[1].kode = 'M1';
    ref.rpjmd.program[0].kode = '9.99.99';
    ref.opd[0].bidang = ['9.99'];
    // 5: the two tujuan under M2 (T2.1, T2.2) now point at a misi that no longer exists.
    expect(problemsOf(ref).map((p) => [p.part, p.row])).toEqual([
      ['rpjmd.misi', 2],
      ['rpjmd.tujuan', 4],
      ['rpjmd.tujuan', 5],
      ['rpjmd.program', 1],
      ['opd', 1],
    ]);
  });
});

describe('parseReferenceJson: shape', () => {
  it('refuses what is not an object', () => {
    expect(problemsOf([])[0].message.en).toBe(
      'Reference: a reference file must be a JSON object, not a list',
    );
    expect(problemsOf('x')[0].message.id).toBe('Referensi: berkas referensi harus objek JSON, bukan teks');
  });

  it('names the missing field and its row', () => {
    const ref = sample();
    delete ref.rpjmd.program[6].nama;
    ref.opd[2].kode = 12;
    ref.rpjmd.sasaran[0].uraian = '   ';
    const problems = problemsOf(ref);
    expect(problems.map((p) => p.message.id)).toEqual([
      'Sasaran baris 1: isian «uraian» wajib diisi (teks)',
      'Program baris 7: isian «nama» wajib diisi (teks)',
      'OPD baris 3: isian «kode» harus teks, bukan angka',
    ]);
    expect(problems[2]).toMatchObject({ part: 'opd', row: 3 });
    expect(problems[2].message.en).toBe('OPD row 3: field «kode» must be text, not a number');
  });

  it('names missing top-level parts by path', () => {
    const ref = sample();
    delete ref.daerah.kode;
    ref.rpjmd.periode.mulai = '2025';
    delete ref.opd;
    expect(problemsOf(ref).map((p) => p.message.en)).toEqual([
      'Reference: field «daerah.kode» is required (text)',
      'Reference: field «rpjmd.periode.mulai» must be a year (whole number), not text',
      'Reference: field «opd» is required (a list)',
    ]);
  });

  it('requires at least one sasaran and one responsible OPD per program', () => {
    const ref = sample();
    ref.rpjmd.program[0].sasaran = [];
    ref.rpjmd.program[1].opd = 'DIKBUD';
    expect(problemsOf(ref).map((p) => p.message.id)).toEqual([
      'Program baris 1: isian «sasaran» wajib berisi sedikitnya satu kode',
      'Program baris 2: isian «opd» harus daftar teks, bukan teks',
    ]);
  });

  it('checks targets', () => {
    const ref = sample();
    ref.rpjmd.program[0].target = { '2025': 96, tahun1: 1, '2026': true };
    expect(
      problemsOf(ref)
        .map((p) => p.message.id)
        .sort(),
    ).toEqual([
      'Program baris 1: target 2026 harus angka atau teks, bukan benar/salah',
      'Program baris 1: target «tahun1» bukan tahun',
    ]);
  });

  it('trims text and leaves out empty optional fields', () => {
    const ref = sample();
    ref.rpjmd.program[0] = {
      ...ref.rpjmd.program[0],
      nama: '  X  ',
      indikator: '',
      satuan: null,
      target: {},
    };
    const result = parseReferenceJson(ref);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.reference.rpjmd.program[0];
    expect(p.nama).toBe('X');
    expect(p).not.toHaveProperty('indikator');
    expect(p).not.toHaveProperty('satuan');
    expect(p).not.toHaveProperty('target');
  });

  it('ignores $comment: it is no part of the id', () => {
    const ref = sample();
    ref.$comment = 'another comment';
    const result = parseReferenceJson(ref);
    expect(result.ok && referenceId(result.reference)).toBe(referenceId(defaultReference()));
  });
});

describe('parseReferenceJson: parameters', () => {
  it('merges the file’s parameters over the defaults', () => {
    const ref = sample();
    ref.parameter = { minWords: 250, severity: { 'RPJ-03': 'off', 'SOP-06': 'warning' } };
    const result = parseReferenceJson(ref);
    expect(result.ok && result.reference.parameter).toEqual({
      minWords: 250,
      namaMin: 5,
      namaMax: 200,
      headerSearchRows: 20,
      severity: { 'RPJ-03': 'off', 'SOP-06': 'warning' },
    });
    delete ref.parameter;
    const defaults = parseReferenceJson(ref);
    expect(defaults.ok && defaults.reference.parameter.minWords).toBe(300);
  });

  it('refuses unknown severities, malformed rule ids, unknown names and bad numbers', () => {
    const ref = sample();
    ref.parameter = {
      minWords: -1,
      namaMin: 2.5,
      headerSerachRows: 10,
      severity: { 'STR-6': 'off', 'RPJ-03': 'mati', 'SOP-06': 'INFO' },
    };
    const problems = problemsOf(ref);
    expect(problems.every((p) => p.part === 'parameter' && p.row === null)).toBe(true);
    expect(problems.map((p) => p.message.id)).toEqual([
      'Parameter: «minWords» harus bilangan bulat ≥ 0, bukan -1',
      'Parameter: «namaMin» harus bilangan bulat ≥ 1, bukan 2.5',
      'Parameter: parameter «headerSerachRows» tidak dikenal (yang dikenal: minWords, namaMin, namaMax, headerSearchRows, jenisRegulasi, severity.ID-ATURAN)',
      'Parameter: «severity.STR-6»: tingkat harus ditulis severity.ID-ATURAN, mis. severity.STR-06',
      'Parameter: tingkat untuk RPJ-03 harus error, warning, info atau off, bukan «mati»',
    ]);
  });

  it("takes SOP-02's regulation types as a list of texts; absent, the default (and the reference id stays)", () => {
    const ref = sample();
    const before = parseReferenceJson(ref);
    expect(before.ok && before.reference.parameter.jenisRegulasi).toBeUndefined();
    ref.parameter = { jenisRegulasi: ['Peraturan Bupati', ' Keputusan Bupati '] };
    const result = parseReferenceJson(ref);
    expect(result.ok && result.reference.parameter.jenisRegulasi).toEqual([
      'Peraturan Bupati',
      'Keputusan Bupati',
    ]);
    ref.parameter = { jenisRegulasi: 'Perbup' as unknown as string[] };
    const text = parseReferenceJson(ref);
    expect(text.ok && text.reference.parameter.jenisRegulasi).toEqual(['Perbup']);
    ref.parameter = { jenisRegulasi: [3] as unknown as string[] };
    expect(onlyProblem(ref).message.id).toMatch(/^Parameter: «jenisRegulasi» harus daftar jenis regulasi/);
  });

  it('refuses namaMin greater than namaMax', () => {
    const ref = sample();
    ref.parameter = { namaMin: 50, namaMax: 20 };
    expect(onlyProblem(ref).message.en).toBe('Parameter: namaMin (50) is greater than namaMax (20)');
  });
});

describe('parseReferenceJson: nomenclature', () => {
  const ownNomenclature = {
    bidang: [{ kode: '1.01', nama: 'URUSAN PEMERINTAHAN BIDANG PENDIDIKAN' }],
    program: [{ kode: '1.01.02', nama: 'PROGRAM PENGELOLAAN PENDIDIKAN' }],
  };
  const small = () => {
    const ref = sample();
    ref.rpjmd.program = [ref.rpjmd.program[0]];
    ref.opd = [{ ...ref.opd[3], bidang: ['1.01'] }];
    return ref;
  };

  it("uses the file's own nomenklatur when it has one (singkat derived when absent)", () => {
    const ref = small();
    ref.nomenklatur = ownNomenclature;
    const result = parseReferenceJson(ref);
    expect(result.ok && result.reference.nomenklatur.bidang).toEqual([
      { kode: '1.01', nama: 'URUSAN PEMERINTAHAN BIDANG PENDIDIKAN', singkat: 'PENDIDIKAN' },
    ]);
    // …and checks against it: 2.22.02 is not in this nomenclature.
    ref.rpjmd.program.push(sample().rpjmd.program[2]);
    expect(onlyProblem(ref).message.id).toBe(
      'Program baris 2 (kode 2.22.02): kode tidak ada dalam nomenklatur',
    );
  });

  it('uses the nomenclature given by the caller when the file has none', () => {
    const result = parseReferenceJson(small(), {
      bidang: [{ kode: '1.01', nama: 'URUSAN PEMERINTAHAN BIDANG PENDIDIKAN', singkat: 'Pendidikan' }],
      program: ownNomenclature.program,
    });
    expect(result.ok && result.reference.nomenklatur.program).toHaveLength(1);
  });

  it('checks the nomenclature’s own codes', () => {
    const ref = small();
    ref.nomenklatur = {
      ...ownNomenclature,
      program: [...ownNomenclature.program, ownNomenclature.program[0]],
    };
    const p = onlyProblem(ref);
    expect(p).toMatchObject({ part: 'nomenklatur.program', row: 2 });
    expect(p.message.id).toBe(
      'Nomenklatur program baris 2 (kode 1.01.02): kode sudah dipakai (Nomenklatur program baris 1)',
    );
  });

  it('referenceToJson leaves the embedded nomenclature out and keeps an own one', () => {
    const json = referenceToJson(defaultReference());
    expect(json).not.toHaveProperty('nomenklatur');
    const again = parseReferenceJson(json);
    expect(again.ok && referenceId(again.reference)).toBe(referenceId(defaultReference()));
    const ref = small();
    ref.nomenklatur = ownNomenclature;
    const own = parseReferenceJson(ref);
    if (!own.ok) throw new Error('expected ok');
    const ownJson = referenceToJson(own.reference);
    expect(ownJson).toHaveProperty('nomenklatur');
    const back = parseReferenceJson(JSON.parse(JSON.stringify(ownJson)));
    expect(back.ok && referenceId(back.reference)).toBe(referenceId(own.reference));
  });

  it('a different nomenclature gives a different id', () => {
    const ref = small();
    const a = parseReferenceJson(ref);
    ref.nomenklatur = ownNomenclature;
    const b = parseReferenceJson(ref);
    expect(a.ok && b.ok && referenceId(a.reference) !== referenceId(b.reference)).toBe(true);
  });
});

describe('parseNomenclatureCsv', () => {
  it('reads the bidang form with RFC 4180 quoting and a BOM', () => {
    const text =
      '\ufeffkode,nama,singkat\r\n1.02,URUSAN PEMERINTAHAN BIDANG KESEHATAN,Kesehatan\r\n' +
      '2.17,"URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA KECIL, DAN MENENGAH","Koperasi, Usaha ""Kecil"""\r\n';
    expect(parseNomenclatureCsv(text)).toEqual({
      ok: true,
      kind: 'bidang',
      rows: [
        { kode: '1.02', nama: 'URUSAN PEMERINTAHAN BIDANG KESEHATAN', singkat: 'Kesehatan' },
        {
          kode: '2.17',
          nama: 'URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA KECIL, DAN MENENGAH',
          singkat: 'Koperasi, Usaha "Kecil"',
        },
      ],
    });
  });

  it('reads the program form, quoted line breaks included, with no trailing newline', () => {
    const text = 'kode,nama\n1.02.02,"PROGRAM A,\nB"\n\n1.2.3,PROGRAM C';
    expect(parseNomenclatureCsv(text)).toEqual({
      ok: true,
      kind: 'program',
      rows: [
        { kode: '1.02.02', nama: 'PROGRAM A,\nB' },
        { kode: '1.02.03', nama: 'PROGRAM C' },
      ],
    });
  });

  it("accepts Excel's ;-separated export and a bidang annex without singkat", () => {
    const result = parseNomenclatureCsv('Kode;Nama\n1.02;URUSAN PEMERINTAHAN BIDANG KESEHATAN\n');
    expect(result).toEqual({
      ok: true,
      kind: 'bidang',
      rows: [{ kode: '1.02', nama: 'URUSAN PEMERINTAHAN BIDANG KESEHATAN', singkat: 'KESEHATAN' }],
    });
  });

  it('names the line of a bad or duplicate code', () => {
    const result = parseNomenclatureCsv('kode,nama\n1.02.02,"A\nB"\n1.02.02,C\nabc,D\n', 'program');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.message.id])).toEqual([
      [4, 'Nomenklatur baris 4 (kode 1.02.02): kode sudah dipakai di baris 2'],
      [5, 'Nomenklatur baris 5: «abc» bukan kode program (mis. 1.02.02)'],
    ]);
  });

  it('refuses a file without kode and nama columns', () => {
    const result = parseNomenclatureCsv('code,name\n1.02,X\n');
    expect(result.ok).toBe(false);
  });
});
