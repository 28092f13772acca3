/**
 * Which files a consolidation counts (docs/spec/consolidation.md, "The year, and which files
 * count"): the year and its vote, revision chains and conflicts, KON-02/05/08/09/11. Every
 * expectation is worked out by hand from the small fixtures below.
 */
import { CellValue, SheetGrid } from '../../src/engine/grid';
import {
  Candidate,
  consolidationYear,
  consolidationYearText,
  opdsNamedByFile,
  selectFiles,
} from '../../src/engine/consolidation/selection';
import { consolidate, consolidationValid } from '../../src/engine/consolidate';
import { findingMessage } from '../../src/engine/messages';
import { defaultReference } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { unreadableFile, validateWorkbook } from '../../src/engine/validate';
import { TODAY, VALID_IDENTITAS, buildGrid, inisiatifRow } from '../helpers/workbook';

const REF: Reference = { ...defaultReference(), jadwal: undefined };

interface Spec {
  opd?: string;
  tahun?: CellValue;
  tanggal?: CellValue;
  names?: string[];
  stampAt?: string;
}

function stampSheet(waktu: string): SheetGrid {
  return {
    name: '_stempel',
    rows: [
      [
        'Tingkat',
        'Versi',
        'Hash Isi',
        'Waktu',
        'Versi Aturan',
        'Referensi',
        'Alat',
        'Galat',
        'Peringatan',
        'Diterima',
        'Oleh',
        'Jabatan',
        'Catatan',
      ],
      ['penyusun', 2, 'sha256:00', waktu, '1', 'x', 'x', 0, 0, 0, 'Staf', 'Analis', ''],
    ],
  };
}

function file(name: string, s: Spec = {}, reference: Reference = REF): Candidate {
  const identitas = VALID_IDENTITAS.map(([label, value]): [string, CellValue] => {
    if (label === 'Perangkat Daerah' && s.opd !== undefined) return [label, s.opd];
    if (label === 'Tahun Pelaporan' && s.tahun !== undefined) return [label, s.tahun];
    if (label === 'Tanggal Pengisian' && s.tanggal !== undefined) return [label, s.tanggal];
    return [label, value];
  });
  const rows = (s.names ?? ['Posyandu Digital Bitung Sehat']).map((n) => inisiatifRow({ 'Nama Inovasi': n }));
  const grid = buildGrid({ identitas, rows, extraSheets: s.stampAt ? [stampSheet(s.stampAt)] : [] });
  return { file: name, validation: validateWorkbook(grid, name, { reference, today: TODAY }) };
}

const standings = (files: Candidate[], tahun: number | null = 2026, reference: Reference = REF) =>
  selectFiles(files, reference, tahun).map((s) => s.standing);
const rules = (files: Candidate[], tahun: number | null = 2026) =>
  selectFiles(files, REF, tahun).map((s) => s.findings.map((f) => f.rule));

describe('the consolidation year', () => {
  it('is the option when given, else the schedule, else the vote', () => {
    const files = [file('a.xlsx', { tahun: 2025 })];
    expect(consolidationYear(files, REF, 2026)).toEqual({ tahun: 2026, dari: 'opsi', suara: [] });
    const scheduled = { ...REF, jadwal: { tahun: 2027, batas: { kepalaOpd: '2027-03-31' } } };
    expect(consolidationYear(files, scheduled)).toEqual({ tahun: 2027, dari: 'jadwal', suara: [] });
    expect(consolidationYear(files, REF)).toEqual({
      tahun: 2025,
      dari: 'mayoritas',
      suara: [{ tahun: 2025, opd: 1 }],
    });
  });

  it('counts one vote per OPD, with the year of its latest file', () => {
    // Dinkes sent three old 2025 files and its 2026 revision (latest); Dinsos and Dishub sent 2025.
    const files = [
      file('dinkes-1.xlsx', { tahun: 2025, tanggal: '2025-10-01' }),
      file('dinkes-2.xlsx', { tahun: 2025, tanggal: '2025-10-02' }),
      file('dinkes-3.xlsx', { tahun: 2025, tanggal: '2025-10-03' }),
      file('dinkes-4.xlsx', { tahun: 2026, tanggal: '2026-10-01' }),
      file('dinsos.xlsx', { opd: 'Dinas Sosial', tahun: 2026 }),
      file('dishub.xlsx', { opd: 'Dinas Perhubungan', tahun: 2025 }),
    ];
    expect(consolidationYear(files, REF)).toEqual({
      tahun: 2026,
      dari: 'mayoritas',
      suara: [
        { tahun: 2026, opd: 2 },
        { tahun: 2025, opd: 1 },
      ],
    });
  });

  it('goes to the later year on a tie, and is null when no file names a valid year', () => {
    const tie = [
      file('dinkes.xlsx', { tahun: 2025 }),
      file('dinsos.xlsx', { opd: 'Dinas Sosial', tahun: 2026 }),
    ];
    expect(consolidationYear(tie, REF).tahun).toBe(2026);
    const none = [
      file('dinkes.xlsx', { tahun: null }),
      {
        file: 'rusak.xlsx',
        validation: unreadableFile('rusak.xlsx', 'corrupt', { id: 'rusak', en: 'corrupt' }),
      },
    ];
    expect(consolidationYear(none, REF)).toEqual({ tahun: null, dari: 'mayoritas', suara: [] });
  });

  it('is told in words, with the vote', () => {
    expect(
      consolidationYearText(
        {
          tahun: 2026,
          dari: 'mayoritas',
          suara: [
            { tahun: 2026, opd: 11 },
            { tahun: 2025, opd: 1 },
          ],
        },
        'id',
      ),
    ).toBe('Tahun konsolidasi 2026, tahun terbanyak (satu suara per OPD: 2026 × 11 OPD, 2025 × 1 OPD).');
    expect(consolidationYearText({ tahun: 2027, dari: 'opsi', suara: [] }, 'en')).toBe(
      'Consolidation year 2027, chosen by the user.',
    );
    expect(consolidationYearText({ tahun: 2026, dari: 'jadwal', suara: [] }, 'id')).toBe(
      'Tahun konsolidasi 2026, dari jadwal referensi.',
    );
  });

  it('--tahun overrides the majority: the majority files are then the other-year ones', () => {
    const files = [
      file('dinkes.xlsx', { tahun: 2026 }),
      file('dinsos.xlsx', { opd: 'Dinas Sosial', tahun: 2026 }),
      file('dishub.xlsx', { opd: 'Dinas Perhubungan', tahun: 2025 }),
    ];
    const s = consolidate(
      files.map((c) => ({ file: c.file, size: 1, sha256: null, validation: c.validation })),
      { reference: REF, today: TODAY, tahun: 2025 },
    );
    expect(s.tahun).toEqual({ tahun: 2025, dari: 'opsi', suara: [] });
    expect(s.entries.map((e) => e.standing)).toEqual(['tahunLain', 'tahunLain', 'dihitung']);
    expect(s.report.tahunKonsolidasi).toBe(2025);
    expect(s.report.tahunDipilihDari).toBe('opsi');
  });
});

describe('KON-05: another year or none', () => {
  it('keeps a 2025 file among 2026 ones out, as an error on its Tahun Pelaporan cell', () => {
    const files = [file('dinkes.xlsx'), file('dishub-2026.xlsx', { opd: 'Dinas Perhubungan', tahun: 2025 })];
    const sel = selectFiles(files, REF, 2026);
    expect(sel.map((s) => s.standing)).toEqual(['dihitung', 'tahunLain']);
    const f = sel[1].findings[0];
    expect([f.rule, f.severity, f.sheet, f.cell]).toEqual(['KON-05', 'error', 'Identitas', 'B2']);
    expect(findingMessage(f, 'id')).toBe(
      'Tahun pelaporan 2025 bukan tahun konsolidasi 2026; berkas ini tidak dihitung.',
    );
  });

  it('keeps a file without a valid year out as Tahun Kosong, with the second text', () => {
    const sel = selectFiles(
      [file('dinkes.xlsx', { tahun: 'dua ribu' }), file('dinsos.xlsx', { opd: 'Dinas Sosial', tahun: null })],
      REF,
      2026,
    );
    expect(sel.map((s) => s.standing)).toEqual(['tahunKosong', 'tahunKosong']);
    expect(sel.map((s) => findingMessage(s.findings[0], 'en'))).toEqual([
      'The reporting year is missing or invalid; this file is not counted.',
      'The reporting year is missing or invalid; this file is not counted.',
    ]);
  });

  it('is quiet for a file of the consolidation year', () => {
    expect(rules([file('dinkes.xlsx')])).toEqual([[]]);
  });

  it('leaves the OPD without a counting file: Belum Mengirim, and the consolidation fails', () => {
    const files = [file('dinkes.xlsx'), file('dishub-2026.xlsx', { opd: 'Dinas Perhubungan', tahun: 2025 })];
    const s = consolidate(
      files.map((c) => ({ file: c.file, size: 1, sha256: null, validation: c.validation })),
      { reference: REF, today: TODAY },
    );
    expect(s.report.files.map((f) => f.konsolidasi)).toEqual(['dihitung', 'tahunLain']);
    expect(s.daftarInovasi.rows).toHaveLength(1);
    expect(consolidationValid(s.entries)).toBe(false);
    expect(s.report.valid).toBe(false);
  });
});

describe('KON-11: an OPD the reference does not know', () => {
  it('keeps the file out, with the nearest reference name as hint', () => {
    const sel = selectFiles([file('upt.xlsx', { opd: 'Dinas Kesehatn' })], REF, 2026);
    expect(sel[0].standing).toBe('opdTidakDikenal');
    expect(sel[0].findings.map((f) => [f.rule, f.severity, f.hint?.params.nilai])).toEqual([
      ['KON-11', 'error', 'Dinas Kesehatan'],
    ]);
    expect(findingMessage(sel[0].findings[0], 'id')).toBe(
      'Perangkat Daerah «Dinas Kesehatn» tidak ada di referensi; berkas ini tidak dihitung.',
    );
  });

  it('is quiet for a reference OPD named by alias', () => {
    expect(standings([file('dinkes.xlsx', { opd: 'Dinkes' })])).toEqual(['dihitung']);
  });
});

describe('one OPD, several files', () => {
  it('an honest revision (one name changed, later date) supersedes the earlier file: KON-02, info', () => {
    const files = [
      file('dinkes-2026.xlsx', {
        tanggal: '2026-10-01',
        names: ['Apotek Keliling Pulau Lembeh', 'Posyandu Digital Bitung Sehat'],
      }),
      file('dinkes-revisi.xlsx', {
        tanggal: '2026-10-20',
        names: ['Apotek Keliling Pulau Lembeh', 'Posyandu Digital Bitung Sehat Plus'],
      }),
    ];
    const sel = selectFiles(files, REF, 2026);
    expect(sel.map((s) => s.standing)).toEqual(['diganti', 'dihitung']);
    expect(sel[0].supersededBy).toBe('dinkes-revisi.xlsx');
    expect(sel[0].findings.map((f) => [f.rule, f.severity])).toEqual([['KON-02', 'info']]);
    expect(sel[1].findings).toEqual([]);
  });

  it('two files with no innovation in common: Konflik, neither counted, both KON-08', () => {
    const files = [
      file('dinkes-2026.xlsx', { tanggal: '2026-10-01', names: ['Apotek Keliling Pulau Lembeh'] }),
      file('dinkes-baru.xlsx', { tanggal: '2026-10-20', names: ['Bank Sampah Digital Madidir'] }),
    ];
    const sel = selectFiles(files, REF, 2026);
    expect(sel.map((s) => s.standing)).toEqual(['konflik', 'konflik']);
    expect(sel.map((s) => s.conflictWith)).toEqual([
      ['dinkes-2026.xlsx', 'dinkes-baru.xlsx'],
      ['dinkes-2026.xlsx', 'dinkes-baru.xlsx'],
    ]);
    expect(findingMessage(sel[0].findings[0], 'id')).toBe(
      'Dinas Kesehatan diajukan oleh 2 berkas yang tidak dapat dipastikan sebagai revisi (dinkes-2026.xlsx, dinkes-baru.xlsx); periksa ' +
        'Perangkat Daerah di lembar Identitas, atau hapus berkas lama bila salah satunya revisi. Tidak ada yang dihitung sampai konflik ini diselesaikan.',
    );
    expect(sel.map((s) => s.findings.map((f) => [f.rule, f.severity]))).toEqual([
      [['KON-08', 'error']],
      [['KON-08', 'error']],
    ]);
  });

  it('three files where one pair conflicts: the whole group is a conflict', () => {
    const files = [
      file('dinkes-a.xlsx', { tanggal: '2026-10-01', names: ['Apotek Keliling Pulau Lembeh'] }),
      file('dinkes-b.xlsx', {
        tanggal: '2026-10-05',
        names: ['Apotek Keliling Pulau Lembeh', 'Posyandu Digital Bitung Sehat'],
      }),
      file('dinkes-c.xlsx', { tanggal: '2026-10-09', names: ['Bank Sampah Digital Madidir'] }),
    ];
    expect(rules(files)).toEqual([['KON-08'], ['KON-08'], ['KON-08']]);
    expect(selectFiles(files, REF, 2026)[0].findings[0].params.n).toBe(3);
  });

  it('a chain of three revisions: the latest counts, the two others are superseded by it', () => {
    const files = [
      file('dinkes-c.xlsx', {
        tanggal: '2026-10-09',
        names: ['Posyandu Digital Bitung Sehat', 'Bank Sampah Digital Madidir'],
      }),
      file('dinkes-a.xlsx', { tanggal: '2026-10-01', names: ['Apotek Keliling Pulau Lembeh'] }),
      file('dinkes-b.xlsx', {
        tanggal: '2026-10-05',
        names: ['Apotek Keliling Pulau Lembeh', 'Posyandu Digital Bitung Sehat'],
      }),
    ];
    const sel = selectFiles(files, REF, 2026);
    expect(sel.map((s) => [s.standing, s.supersededBy])).toEqual([
      ['dihitung', null],
      ['diganti', 'dinkes-c.xlsx'],
      ['diganti', 'dinkes-c.xlsx'],
    ]);
  });

  it('equal dates are told apart by the latest stamp, and a full tie is a conflict', () => {
    const names = ['Apotek Keliling Pulau Lembeh'];
    const stamped = [
      file('dinkes-a.xlsx', { names, stampAt: '2026-10-03T02:00:00Z' }),
      file('dinkes-b.xlsx', { names, stampAt: '2026-10-02T02:00:00Z' }),
    ];
    expect(standings(stamped)).toEqual(['dihitung', 'diganti']);
    expect(standings([file('dinkes-a.xlsx', { names }), file('dinkes-b.xlsx', { names })])).toEqual([
      'konflik',
      'konflik',
    ]);
  });

  it('a missing date counts as earliest; a file without rows never supersedes one with rows', () => {
    expect(
      standings([file('dinkes-a.xlsx', { tanggal: null }), file('dinkes-b.xlsx', { tanggal: '2026-01-01' })]),
    ).toEqual(['diganti', 'dihitung']);
    expect(
      standings([
        file('dinkes-kosong.xlsx', { tanggal: '2026-11-01', names: [] }),
        file('dinkes.xlsx', { tanggal: '2026-10-01' }),
      ]),
    ).toEqual(['diganti', 'dihitung']);
  });
});

describe('KON-09: the file name names another OPD', () => {
  it('fires for dinsos-2026.xlsx naming Dinkes, and none for dinkes-revisi.xlsx', () => {
    const sel = selectFiles(
      [file('dinsos-2026.xlsx'), file('dinkes-revisi.xlsx', { tanggal: '2026-09-01' })],
      REF,
      2026,
    );
    expect(sel[0].findings.map((f) => [f.rule, f.severity])).toContainEqual(['KON-09', 'warning']);
    expect(
      findingMessage(
        sel[0].findings.find((f) => f.rule === 'KON-09')!,
        'id',
      ),
    ).toBe(
      'Nama berkas «dinsos-2026.xlsx» menyebut Dinas Sosial, tetapi lembar Identitas menyebut Dinas Kesehatan.',
    );
    expect(sel[1].findings.map((f) => f.rule)).not.toContain('KON-09');
  });

  it('makes a mislabelled file a conflict, never a revision, even with common names', () => {
    const sel = selectFiles(
      [
        file('dinkes-2026.xlsx', { tanggal: '2026-10-01' }),
        file('dinsos-2026.xlsx', { tanggal: '2026-10-20' }),
      ],
      REF,
      2026,
    );
    expect(sel.map((s) => s.standing)).toEqual(['konflik', 'konflik']);
    expect(sel.map((s) => s.findings.map((f) => f.rule).sort())).toEqual([['KON-08'], ['KON-08', 'KON-09']]);
  });

  it('matches codes, names and aliases as runs of whole words only', () => {
    const named = (f: string) => opdsNamedByFile(f, REF).map((o) => o.kode);
    expect(named('KEC-LEMBEH-SELATAN_2026.xlsx')).toEqual(['KEC-LEMBEH-SELATAN']);
    expect(named('Dinas Pendidikan dan Kebudayaan 2026.xlsx')).toEqual(['DIKBUD']);
    expect(named('disdikbud.xlsx')).toEqual(['DIKBUD']);
    expect(named('dinkesos.xlsx')).toEqual([]);
    expect(named('rekap-kota-bitung.xlsx')).toEqual([]);
    // Dinas PU is an alias of PUPR, and `dinas pupr` holds no run `dinas pu`.
    expect(named('dinas-pupr.xlsx')).toEqual(['PUPR']);
  });

  it('lists each OPD a file name names once, in reference order, whatever order and names the file uses', () => {
    const named = (f: string) => opdsNamedByFile(f, REF).map((o) => o.kode);
    const inReferenceOrder = REF.opd.map((o) => o.kode).filter((k) => k === 'PUPR' || k === 'DIKBUD');
    expect(named('pupr_disdikbud_Dinas Pendidikan dan Kebudayaan.xlsx')).toEqual(inReferenceOrder);
    expect(named('Dinas Pendidikan dan Kebudayaan_dinas-pupr_disdikbud.xlsx')).toEqual(inReferenceOrder);
  });

  it('is quiet for a file name that names no OPD', () => {
    expect(rules([file('inovasi-2026.xlsx')])).toEqual([[]]);
  });
});
