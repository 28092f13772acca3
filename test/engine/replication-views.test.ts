/**
 * Replication (docs/spec/replication.md): the counts per OPD, what the summary (`Katalog Replikasi`,
 * `Rekap OPD`, `Ringkasan`), the JSON and the feedback show. Expected values worked out by hand.
 */
import { consolidate, tableRecords } from '../../src/engine/consolidate';
import {
  idleOpds,
  katalogTables,
  replicableFor,
  replicatedOf,
  replicationFeedback,
  replicationJson,
  replicationSummaryLines,
} from '../../src/engine/replication';
import { DINKES, DINSOS, DUKCAPIL, REF, counting, replicating, run, running } from '../helpers/replication';
import { TODAY, colOf, inisiatifRow } from '../helpers/workbook';

describe('counts, tables, JSON and Ringkasan', () => {
  /** Replications still on trial stay out of the catalogue, so the tables below stay short. */
  const TRIAL = { 'Tahapan Inovasi': 'Uji Coba', 'Tanggal Penerapan': null };
  const city = () =>
    run(
      DINKES([
        running('Posyandu Digital Bitung Sehat', { 'Jumlah Penerima Manfaat': 500 }),
        inisiatifRow({ 'Nama Inovasi': 'Rujukan Puskesmas Daring' }),
      ]),
      DINSOS([
        replicating('Posyandu Lansia Digital', 'Posyandu Digital Bitung Sehat (Dinkes)', TRIAL),
        replicating('Bansos Rujukan', 'Rujukan Puskesmas Daring', TRIAL),
        replicating('Bansos Daring', 'Dinas Kesehatan', TRIAL),
        replicating('Bansos Sendiri', 'Dinsos', TRIAL),
        replicating('Bansos Sleman', 'Kabupaten Sleman', TRIAL),
      ]),
      DUKCAPIL([
        running('KTP Keliling'),
        replicating('Posyandu KTP', 'posyandu digital bitung sehat', TRIAL),
        replicating('Entah Apa', 'Posyandu Digtal Bitung Sehat', TRIAL),
      ]),
      counting('dishub.xlsx', { opd: 'Dinas Perhubungan', rows: [running('Terminal Tertib')] }),
    );

  it('per OPD: replications done, and replications by others of its innovations or naming it', () => {
    const r = city();
    expect(Object.fromEntries(r.perOpd)).toEqual({
      'kode:DINKES': { dilakukan: 0, direplikasi: 4 }, // two by name from DINSOS, one by name from DUKCAPIL, one naming the OPD
      'kode:DINSOS': { dilakukan: 5, direplikasi: 0 }, // its own reuse is not counted as replicated by others
      'kode:DUKCAPIL': { dilakukan: 2, direplikasi: 0 },
      'kode:DISHUB': { dilakukan: 0, direplikasi: 0 },
    });
    expect(idleOpds(r)).toEqual(['Dinas Kesehatan', 'Dinas Perhubungan']);
  });

  it('Katalog Replikasi: catalogue rows with who replicated them, then replications without a catalogue source', () => {
    const r = city();
    const { katalog, tanpaSumber } = katalogTables(r);
    expect(katalog.rows.map((x) => x.cells)).toEqual([
      [
        'DINKES',
        'Dinas Kesehatan',
        'Posyandu Digital Bitung Sehat',
        'URUSAN PEMERINTAHAN BIDANG KESEHATAN',
        'Digital',
        { date: '2025-01-15' },
        500,
        'https://bitungkota.go.id/inovasi/posyandu',
        'Dinas Sosial; Dinas Kependudukan dan Pencatatan Sipil',
        2,
      ],
      [
        'DUKCAPIL',
        'Dinas Kependudukan dan Pencatatan Sipil',
        'KTP Keliling',
        'URUSAN PEMERINTAHAN BIDANG KESEHATAN',
        'Digital',
        { date: '2025-01-15' },
        1200,
        'https://bitungkota.go.id/inovasi/posyandu',
        null,
        0,
      ],
      [
        'DISHUB',
        'Dinas Perhubungan',
        'Terminal Tertib',
        'URUSAN PEMERINTAHAN BIDANG KESEHATAN',
        'Digital',
        { date: '2025-01-15' },
        1200,
        'https://bitungkota.go.id/inovasi/posyandu',
        null,
        0,
      ],
    ]);
    expect(tanpaSumber.rows.map((x) => x.cells)).toEqual([
      [
        'Dinas Sosial',
        'Bansos Rujukan',
        'Rujukan Puskesmas Daring',
        'Belum Penerapan: «Rujukan Puskesmas Daring» (Dinas Kesehatan)',
      ],
      ['Dinas Sosial', 'Bansos Daring', 'Dinas Kesehatan', 'OPD: Dinas Kesehatan'],
      ['Dinas Sosial', 'Bansos Sendiri', 'Dinsos', 'OPD Sendiri'],
      ['Dinas Sosial', 'Bansos Sleman', 'Kabupaten Sleman', 'Luar Daerah'],
      [
        'Dinas Kependudukan dan Pencatatan Sipil',
        'Entah Apa',
        'Posyandu Digtal Bitung Sehat',
        'Tidak Dikenali (mungkin «Posyandu Digital Bitung Sehat», Dinas Kesehatan)',
      ],
    ]);
  });

  it('the JSON report’s replikasi', () => {
    const j = replicationJson(city());
    expect(j.katalog[0]).toEqual({
      file: 'dinkes.xlsx',
      baris: 2,
      nama: 'Posyandu Digital Bitung Sehat',
      opd: 'DINKES',
      direplikasiOleh: ['DINSOS', 'DUKCAPIL'],
    });
    expect(j.katalog).toHaveLength(3);
    expect(j.replikasi.map((x) => x.sumber)).toEqual([
      { jenis: 'inovasi', nama: 'Posyandu Digital Bitung Sehat', opd: 'DINKES' },
      { jenis: 'inovasi', nama: 'Rujukan Puskesmas Daring', opd: 'DINKES' },
      { jenis: 'opd', opd: 'DINKES' },
      { jenis: 'sendiri' },
      { jenis: 'luar' },
      { jenis: 'inovasi', nama: 'Posyandu Digital Bitung Sehat', opd: 'DINKES' },
      { jenis: 'tidakDikenali', saran: 'Posyandu Digital Bitung Sehat' },
    ]);
    expect(j.replikasi[0]).toMatchObject({
      file: 'dinsos.xlsx',
      baris: 2,
      nama: 'Posyandu Lansia Digital',
      opd: 'DINSOS',
    });
  });

  it('the Ringkasan lines', () => {
    expect(replicationSummaryLines(city())).toEqual([
      { label: 'Katalog replikasi', value: 3, detail: 'inovasi pelayanan publik yang sudah diterapkan' },
      { label: 'Replikasi', value: 7 },
      { label: 'Replikasi di dalam kota (sumber OPD lain)', value: 4 },
      { label: 'Replikasi dari luar daerah', value: 1 },
      { label: 'Replikasi dengan sumber tidak dikenali', value: 1 },
      { label: 'OPD belum mereplikasi', value: 2, detail: 'Dinas Kesehatan, Dinas Perhubungan' },
    ]);
    // The cover sheet names OPDs as it is told to (Ringkasan: their shortest reference name).
    expect(replicationSummaryLines(city(), (nama) => nama.toUpperCase()).at(-1)?.detail).toBe(
      'DINAS KESEHATAN, DINAS PERHUBUNGAN',
    );
  });

  it('which of an OPD’s innovations others replicated, and the replications naming only the OPD', () => {
    const { innovations, opdOnly } = replicatedOf(city(), 'kode:DINKES');
    expect(innovations.map((x) => [x.innovation.nama, x.by, x.count])).toEqual([
      ['Posyandu Digital Bitung Sehat', ['Dinas Sosial', 'Dinas Kependudukan dan Pencatatan Sipil'], 2],
      ['Rujukan Puskesmas Daring', ['Dinas Sosial'], 1],
    ]);
    expect(opdOnly.map((x) => x.innovation.nama)).toEqual(['Bansos Daring']);
  });
});

describe('the feedback list: innovations an OPD could replicate', () => {
  it('up to 10 catalogue innovations of other OPDs, its own bidang first, then most beneficiaries, each with the source contact', () => {
    const rows = (prefix: string, urusan: string, first: number) =>
      Array.from({ length: 5 }, (_, i) =>
        running(`${prefix} Layanan ${i + 1}`, {
          'Urusan Pemerintahan': urusan,
          'Jumlah Penerima Manfaat': first + i,
        }),
      );
    const r = run(
      counting('dinkes.xlsx', {
        opd: 'Dinas Kesehatan',
        rows: [
          ...rows('Sehat', '1.02', 10),
          running('Posyandu Tanpa Angka', { 'Jumlah Penerima Manfaat': null }),
        ],
        contact: ['dr. Joice', 'dinkes@bitungkota.go.id', '0438 21045'],
      }),
      counting('dukcapil.xlsx', {
        opd: 'Dinas Kependudukan dan Pencatatan Sipil',
        rows: rows('Capil', '2.12', 1000),
        contact: ['Ir. Max', 'capil@bitungkota.go.id', '0438 21046'],
      }),
      counting('dinsos.xlsx', {
        opd: 'Dinas Sosial',
        rows: [
          running('Bansos Layanan Utama', { 'Urusan Pemerintahan': '1.06' }),
          replicating('Sehat Layanan Dinsos', 'Sehat Layanan 5'),
        ],
      }),
      counting('sosial2.xlsx', {
        opd: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
        rows: [running('Anak Layanan Satu', { 'Urusan Pemerintahan': '1.06', 'Jumlah Penerima Manfaat': 3 })],
      }),
    );
    const list = replicableFor(r, 'kode:DINSOS', ['1.06']);
    expect(list.map((x) => `${x.innovation.nama}|${x.ownBidang}|${x.penerimaManfaat}`)).toEqual([
      'Anak Layanan Satu|true|3', // its own bidang (1.06) first, however few beneficiaries
      'Capil Layanan 5|false|1004',
      'Capil Layanan 4|false|1003',
      'Capil Layanan 3|false|1002',
      'Capil Layanan 2|false|1001',
      'Capil Layanan 1|false|1000',
      'Sehat Layanan 4|false|13', // Sehat Layanan 5 is already replicated by DINSOS
      'Sehat Layanan 3|false|12',
      'Sehat Layanan 2|false|11',
      'Sehat Layanan 1|false|10',
    ]);
    expect(list[1].contact).toEqual({
      nama: 'Ir. Max',
      email: 'capil@bitungkota.go.id',
      telepon: '0438 21046',
    });
    expect(list[1].tautan).toBe('https://bitungkota.go.id/inovasi/posyandu');
    expect(
      replicableFor(r, 'kode:DINSOS', ['1.06'], 30)
        .map((x) => x.innovation.nama)
        .slice(-1),
    ).toEqual(['Posyandu Tanpa Angka']); // unknown beneficiaries last
  });
});

describe('in the consolidation', () => {
  it('KON-10 lands on the replicating file (counted in its Info), and the JSON report carries replikasi', () => {
    const files = [
      DINKES([
        inisiatifRow({ 'Nama Inovasi': 'Rujukan Puskesmas Daring' }),
        running('Posyandu Digital Bitung Sehat'),
      ]),
      DINSOS([replicating('Rujukan Panti Daring', 'Rujukan Puskesmas Daring')]),
    ];
    const summary = consolidate(
      files.map((f) => ({ file: f.file, size: 1, sha256: null, validation: f.validation })),
      { reference: REF, today: TODAY },
    );
    const kon10 = summary.report.files.map((f) =>
      f.findings.filter((x) => x.rule === 'KON-10').map((x) => `${x.cell}:${x.message}`),
    );
    expect(kon10).toEqual([
      [],
      [
        `${colOf('Sumber Replikasi')}2:Sumber replikasi «Rujukan Puskesmas Daring» (Dinas Kesehatan) belum berstatus Penerapan.`,
      ],
    ]);
    expect(summary.report.replikasi.katalog.map((k) => k.nama)).toEqual([
      'Posyandu Digital Bitung Sehat',
      'Rujukan Panti Daring',
    ]); // a running replication may be replicated in turn
    expect(summary.report.replikasi.replikasi.map((k) => k.sumber)).toEqual([
      { jenis: 'inovasi', nama: 'Rujukan Puskesmas Daring', opd: 'DINKES' },
    ]);
    // Consolidating the result again gives the same KON-10 once (the rule's earlier findings are replaced).
    const again = consolidate(
      summary.entries.map((e) => ({ file: e.file, size: 1, sha256: null, validation: e.validation })),
      { reference: REF, today: TODAY },
    );
    expect(again.report.files[1].findings.filter((x) => x.rule === 'KON-10')).toHaveLength(1);
  });
});

describe('the feedback section', () => {
  const city = () =>
    run(
      counting('dinkes.xlsx', {
        opd: 'Dinas Kesehatan',
        rows: [running('Posyandu Digital Bitung Sehat', { 'Jumlah Penerima Manfaat': 500 })],
        contact: ['dr. Joice', 'dinkes@bitungkota.go.id', '0438 21045'],
      }),
      DINSOS([
        replicating('Posyandu Lansia Digital', 'Posyandu Digital Bitung Sehat', {
          'Tahapan Inovasi': 'Uji Coba',
          'Tanggal Penerapan': null,
        }),
        replicating('Bansos Daring', 'Dinkes', { 'Tahapan Inovasi': 'Uji Coba', 'Tanggal Penerapan': null }),
      ]),
      DUKCAPIL([running('KTP Keliling', { 'Urusan Pemerintahan': '2.12', 'Jumlah Penerima Manfaat': 40 })]),
    );

  it('for the source OPD: its innovations others replicated, and the replications naming only it', () => {
    const f = replicationFeedback(city(), 'dinkes.xlsx', 'id')!;
    expect(f.replicated.rows).toEqual([['Posyandu Digital Bitung Sehat', 'Dinas Sosial', 1]]);
    expect(f.replicated.note).toBe(
      '1 replikasi lain menyebut OPD ini sebagai sumber tanpa nama inovasinya: Dinas Sosial.',
    );
    expect(f.replicable.rows).toEqual([
      [
        'KTP Keliling',
        'Dinas Kependudukan dan Pencatatan Sipil',
        'URUSAN PEMERINTAHAN BIDANG ADMINISTRASI KEPENDUDUKAN DAN PENCATATAN SIPIL',
        40,
        'https://bitungkota.go.id/inovasi/posyandu',
        'dr. Joice Rumondor',
        'dinkes@bitungkota.go.id',
        '(0438) 21045',
      ],
    ]);
  });

  it('for a replicating OPD: nothing of its own replicated (said in words), the rest of the catalogue with contacts, in English too', () => {
    const id = replicationFeedback(city(), 'dinsos.xlsx', 'id')!;
    expect(id.replicated.rows).toEqual([]);
    expect(id.replicated.empty).toBe('Belum ada inovasi OPD ini yang tercatat direplikasi OPD lain.');
    // Posyandu Digital is already replicated by Dinsos: only KTP Keliling is offered.
    expect(id.replicable.rows.map((r) => [r[0], r[5], r[6], r[7]])).toEqual([
      ['KTP Keliling', 'dr. Joice Rumondor', 'dinkes@bitungkota.go.id', '(0438) 21045'],
    ]);
    const en = replicationFeedback(city(), 'dinsos.xlsx', 'en')!;
    expect([en.title, en.replicable.title, en.replicable.columns[0]]).toEqual([
      'Replication',
      'Innovations this agency could replicate',
      'Innovation',
    ]);
    expect(replicationFeedback(city(), 'nothing.xlsx', 'id')).toBeNull();
  });
});

describe('totals agree with the rows they sum', () => {
  it('a replication naming an OPD that sent nothing counts in no OPD row, so not in the city totals either', () => {
    const r = run(
      DINSOS([replicating('Bansos Satu', 'Dinas Kesehatan'), replicating('Bansos Dua', 'Kabupaten Sleman')]),
    );
    expect(r.perOpd.get('kode:DINKES')).toEqual({ dilakukan: 0, direplikasi: 1 });
    expect(
      replicationSummaryLines(r)
        .slice(1, 3)
        .map((l) => l.value),
    ).toEqual([2, 0]);
  });
});

describe('the Katalog Replikasi sheet', () => {
  it('comes after Urusan: the catalogue, the block title, then the replications without a catalogue source', () => {
    const files = [
      DINKES([running('Posyandu Digital Bitung Sehat')]),
      DINSOS([
        replicating('Posyandu Lansia', 'Posyandu Digital Bitung Sehat', {
          'Tahapan Inovasi': 'Uji Coba',
          'Tanggal Penerapan': null,
        }),
        replicating('Bansos Sleman', 'Kab. Sleman', {
          'Tahapan Inovasi': 'Uji Coba',
          'Tanggal Penerapan': null,
        }),
      ]),
    ];
    const summary = consolidate(
      files.map((f) => ({ file: f.file, size: 1, sha256: null, validation: f.validation })),
      { reference: REF, today: TODAY },
    );
    const names = summary.sheets.map((s) => s.name);
    expect(names.indexOf('Katalog Replikasi')).toBe(names.indexOf('Urusan') + 1);
    const sheet = summary.sheets.find((s) => s.name === 'Katalog Replikasi')!;
    expect(sheet.tables.map((t) => t.columns[0])).toEqual([
      'Kode OPD',
      'Replikasi tanpa sumber di katalog',
      'Perangkat Daerah',
    ]);
    expect(sheet.tables[0].rows.map((r) => [r.cells[2], r.cells[8], r.cells[9]])).toEqual([
      ['Posyandu Digital Bitung Sehat', 'Dinas Sosial', 1],
    ]);
    expect(sheet.tables[2].rows.map((r) => r.cells)).toEqual([
      ['Dinas Sosial', 'Bansos Sleman', 'Kab. Sleman', 'Luar Daerah'],
    ]);
    expect(sheet.filterTable).toBe(0);
  });
});

describe('Ringkasan lines equal the same figures elsewhere in the summary', () => {
  it('catalogue size = Katalog Replikasi rows; replications and those inside the city = Total Kota of the two Rekap OPD columns', () => {
    const trial = { 'Tahapan Inovasi': 'Uji Coba', 'Tanggal Penerapan': null };
    const files = [
      DINKES([running('Posyandu Digital Bitung Sehat'), running('Ambulans Laut Gratis')]),
      DINSOS([
        replicating('Posyandu Lansia', 'Posyandu Digital Bitung Sehat', trial),
        replicating('Bansos Daring', 'Dinkes', trial),
        replicating('Bansos Sendiri', 'Dinsos', trial),
      ]),
      DUKCAPIL([replicating('KTP Sleman', 'Kabupaten Sleman', trial)]),
      counting('dishub.xlsx', {
        opd: 'Dinas Perhubungan',
        rows: [replicating('Halte Sehat', 'Ambulans Laut Gratis', trial)],
      }),
    ];
    const summary = consolidate(
      files.map((f) => ({ file: f.file, size: 1, sha256: null, validation: f.validation })),
      { reference: REF, today: TODAY },
    );
    const lines = Object.fromEntries(
      replicationSummaryLines(summary.replikasi).map((l) => [l.label, l.value]),
    );
    const total = tableRecords(summary.rekapOpd).find((r) => r['Perangkat Daerah'] === 'Total Kota')!;
    const katalog = summary.sheets.find((s) => s.name === 'Katalog Replikasi')!.tables[0];
    expect(lines['Katalog replikasi']).toBe(katalog.rows.length);
    expect(lines.Replikasi).toBe(total['Replikasi Dilakukan']);
    expect(lines['Replikasi di dalam kota (sumber OPD lain)']).toBe(total['Inovasinya Direplikasi']);
    // Worked by hand: 2 running at Dinkes; 5 replications, 3 of them from another OPD of the city (two by name, one naming Dinkes).
    expect([katalog.rows.length, total['Replikasi Dilakukan'], total['Inovasinya Direplikasi']]).toEqual([
      2, 5, 3,
    ]);
    expect(
      tableRecords(summary.rekapOpd).find((r) => r['Kode OPD'] === 'DINKES')!['Inovasinya Direplikasi'],
    ).toBe(3);
  });
});
