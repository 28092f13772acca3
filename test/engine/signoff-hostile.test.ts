/**
 * Issue 18: stamp rows and references written by hand to break the readers. Each test reproduces
 * an attack that once crashed every command or counted a stamp the add-in could never have written.
 */
import { CellValue, SheetGrid } from '../../src/engine/grid';
import { EMBEDDED_REFERENCE_JSON } from '../../src/engine/reference/data/embedded';
import { defaultReference, parseReferenceJson } from '../../src/engine/reference/load';
import { Reference } from '../../src/engine/reference/model';
import { referenceFromGrid, referenceToGrid } from '../../src/engine/reference/workbook';
import {
  STEMPEL_HEADER,
  calendarDay,
  chainStatus,
  dayInZone,
  daysBetween,
  localDay,
  readStempel,
  scheduleStatus,
} from '../../src/engine/signoff';
import { formatText } from '../../src/cli/text';
import { validateWorkbook } from '../../src/engine/validate';
import { consolidate } from '../../src/engine/consolidate';
import { buildReport } from '../../src/engine/report';
import { TODAY, buildGrid } from '../helpers/workbook';

const HASH = validateWorkbook(buildGrid(), 'h.xlsx', {
  reference: defaultReference(),
  today: TODAY,
}).contentHash!;

type Row = { tingkat: string; waktu: CellValue; galat?: number; catatan?: string; hash?: string };
function stempel(rows: Row[]): SheetGrid {
  return {
    name: '_stempel',
    rows: [
      [...STEMPEL_HEADER],
      ...rows.map((r): CellValue[] => [
        r.tingkat,
        2,
        r.hash ?? HASH,
        r.waktu,
        '1',
        'bitung-contoh@x',
        'inovasi-daerah 1.0.0',
        r.galat ?? 0,
        0,
        0,
        'Rina',
        'Staf',
        r.catatan ?? '',
      ]),
    ],
  };
}

function withSchedule(
  batas: Record<string, string>,
  extra: (json: Record<string, unknown>) => void = () => {},
): Reference {
  const json = JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON)) as Record<string, unknown>;
  json.jadwal = { tahun: 2026, batas };
  extra(json);
  const r = parseReferenceJson(json);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.map((p) => p.message.en)));
  return r.reference;
}

const SCHEDULE = withSchedule(
  { penyusun: '2026-03-15', kepalaOpd: '2026-03-31', verifikator: '2026-04-30' },
  (j) => {
    (j.daerah as Record<string, unknown>).zonaWaktu = 'Asia/Makassar';
  },
);

const validateWith = (rows: Row[], reference: Reference = SCHEDULE, today = TODAY) =>
  validateWorkbook(buildGrid({ extraSheets: [stempel(rows)] }), 'uji.xlsx', { reference, today });

describe('item 1: a stamp dated at the edges of the representable range never stops the run', () => {
  test.each([
    ['0999-01-01T00:00:00Z'],
    ['0000-01-01T00:00:00Z'],
    ['0100-06-01T00:00:00Z'],
    ['9999-12-31T20:00:00Z'], // year 10000 in WITA
    ['-000001-01-01T00:00:00Z'],
    ['+275760-09-13T00:00:00Z'],
    ['9999-99-99'],
    ['1000-01-01'],
    ['9999-12-31'],
  ])('Waktu %s: validate, consolidate and audit report, the row counts for nothing', (waktu) => {
    const v = validateWith([
      { tingkat: 'penyusun', waktu },
      { tingkat: 'kepalaOpd', waktu },
    ]);
    expect(v.persetujuan.tingkat).toBeNull();
    expect(v.persetujuan.setAside.map((s) => s.row.waktu)).toEqual([waktu, waktu]);
    // Every deadline passed by the validation date: the schedule reads `lewat`, not a crash.
    expect(v.persetujuan.jadwal.map((j) => j.keadaan)).toEqual(['lewat', 'lewat', 'lewat']);
    const summary = consolidate([{ file: 'uji.xlsx', size: 1, sha256: 'a', validation: v }], {
      reference: SCHEDULE,
      today: TODAY,
      lang: 'id',
      consolidatedAt: TODAY,
    });
    expect(summary.report.files).toHaveLength(1);
    expect(
      buildReport([v], { reference: SCHEDULE, today: TODAY, lang: 'id' }).files[0].persetujuan.disisihkan,
    ).toHaveLength(2);
  });

  it('a day outside the years 1000–9999 is no CalendarDay, so day arithmetic never meets one', () => {
    expect(calendarDay('0999-12-31')).toBeNull();
    expect(calendarDay('2026-02-30')).toBeNull();
    expect(calendarDay('10000-01-01')).toBeNull();
    expect(calendarDay('2026-02-28')).toBe('2026-02-28');
    expect(dayInZone(Date.parse('9999-12-31T20:00:00Z'), 'Asia/Makassar')).toBeNull();
    expect(dayInZone(Date.parse('0999-01-01T00:00:00Z'), 'UTC')).toBeNull();
    expect(dayInZone(Date.parse('0000-01-01T00:00:00Z'), 'UTC')).toBeNull();
    expect(dayInZone(Number.NaN, 'UTC')).toBeNull();
    expect(localDay('9999-99-99', 'UTC')).toBeNull();
    expect(daysBetween(calendarDay('1000-01-01')!, calendarDay('9999-12-31')!)).toBe(3287181);
  });
});

describe('item 2: prototype-named level keys with no deadline', () => {
  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])(
    'level «%s»: the reference loads and every reader works',
    (key) => {
      const reference = withSchedule({ penyusun: '2026-03-15' }, (j) => {
        j.tingkatPersetujuan = [
          { kunci: 'penyusun', label: 'Disusun', labelEn: 'Prepared' },
          { kunci: key, label: 'Disetujui', labelEn: 'Approved' },
        ];
        j.tingkatWajib = key;
      });
      expect(reference.jadwal && Object.keys(reference.jadwal.batas)).toEqual(['penyusun']);
      const v = validateWith(
        [
          { tingkat: 'penyusun', waktu: '2026-03-01T02:00:00Z' },
          { tingkat: key, waktu: '2026-03-02T02:00:00Z' },
        ],
        reference,
      );
      expect(v.persetujuan.tingkat).toBe(key);
      expect(v.persetujuan.jadwal).toEqual([
        { tingkat: 'penyusun', batas: '2026-03-15', keadaan: 'tepatWaktu', hari: 0 },
      ]);
      const summary = consolidate([{ file: 'uji.xlsx', size: 1, sha256: 'a', validation: v }], {
        reference,
        today: TODAY,
        lang: 'id',
        consolidatedAt: TODAY,
      });
      expect(summary.rekapOpd.columns.filter((c) => c.startsWith('Tepat Waktu'))).toEqual([
        'Tepat Waktu Disusun',
      ]);
    },
  );

  it('the workbook form of the same reference loads and works alike', () => {
    const reference = withSchedule({ penyusun: '2026-03-15' }, (j) => {
      j.tingkatPersetujuan = [
        { kunci: 'penyusun', label: 'Disusun', labelEn: 'Prepared' },
        { kunci: 'constructor', label: 'Disetujui', labelEn: 'Approved' },
      ];
      j.tingkatWajib = 'constructor';
    });
    const r = referenceFromGrid({ sheets: referenceToGrid(reference) }, reference.nama);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const v = validateWith([{ tingkat: 'penyusun', waktu: '2026-03-01T02:00:00Z' }], r.reference);
    expect(v.persetujuan.jadwal.map((j) => j.tingkat)).toEqual(['penyusun']);
  });
});

describe('item 10: rows the add-in could never have written are set aside and named', () => {
  const approved = [
    { tingkat: 'penyusun', waktu: '2026-03-01T02:00:00Z' },
    { tingkat: 'kepalaOpd', waktu: '2026-03-02T02:00:00Z' },
  ];

  it('a stamp dated after the validation date (2099) is not "valid, terlambat 26315 hari"', () => {
    const v = validateWith([...approved, { tingkat: 'verifikator', waktu: '2099-01-01T00:00:00Z' }]);
    expect(v.persetujuan.levels.map((l) => l.status)).toEqual(['valid', 'valid', 'none']);
    expect(v.persetujuan.setAside).toEqual([expect.objectContaining({ reason: 'future' })]);
    expect(v.persetujuan.jadwal[2]).toEqual({
      tingkat: 'verifikator',
      batas: '2026-04-30',
      keadaan: 'lewat',
      hari: 212,
    });
  });

  it('one day after the validation date is clock tolerance; two days is set aside', () => {
    const at = (waktu: string) =>
      validateWith([...approved, { tingkat: 'verifikator', waktu }], SCHEDULE, '2026-11-28').persetujuan;
    expect(at('2026-11-29T15:00:00Z').levels[2].status).toBe('valid'); // 29 Nov WITA
    expect(at('2026-11-29T16:30:00Z').setAside.map((s) => s.reason)).toEqual(['future']); // 30 Nov WITA
  });

  it('Waktu 9999-99-99 is unreadable, not "Terlambat 2914809 hari"', () => {
    const v = validateWith([...approved, { tingkat: 'verifikator', waktu: '9999-99-99' }]);
    expect(v.persetujuan.setAside.map((s) => s.reason)).toEqual(['waktuUnreadable']);
    expect(v.persetujuan.jadwal[2].keadaan).toBe('lewat');
  });

  it('a stamp recording open errors counts for nothing', () => {
    const v = validateWith([{ tingkat: 'penyusun', waktu: '2026-03-01T02:00:00Z', galat: 3 }]);
    expect(v.persetujuan.tingkat).toBeNull();
    expect(v.persetujuan.setAside.map((s) => s.reason)).toEqual(['openErrors']);
  });

  it('a return without a note counts for nothing; with a note it returns the file', () => {
    const returned = (catatan: string) =>
      validateWith([...approved, { tingkat: 'kepalaOpd:kembali', waktu: '2026-03-03T02:00:00Z', catatan }])
        .persetujuan;
    expect(returned('').dikembalikan).toBe(false);
    expect(returned('').setAside.map((s) => s.reason)).toEqual(['noNote']);
    expect(returned('Lengkapi SOP').dikembalikan).toBe(true);
  });

  it('a stamp before 2000 is set aside', () => {
    const v = validateWith([{ tingkat: 'penyusun', waktu: '1999-12-31T00:00:00Z' }]);
    expect(v.persetujuan.setAside.map((s) => s.reason)).toEqual(['before2000']);
  });

  it('the JSON report lists set-aside and unknown-level rows with their row and reason; the text names their count', () => {
    const v = validateWith([
      ...approved,
      { tingkat: 'walikota', waktu: '2026-03-04T02:00:00Z' },
      { tingkat: 'verifikator', waktu: '2099-01-01T00:00:00Z' },
    ]);
    const report = buildReport([v], { reference: SCHEDULE, today: TODAY, lang: 'id' });
    expect(report.files[0].persetujuan.disisihkan).toEqual([
      { baris: 4, tingkat: 'walikota', waktu: '2026-03-04T02:00:00Z', sebab: 'unknownLevel' },
      { baris: 5, tingkat: 'verifikator', waktu: '2099-01-01T00:00:00Z', sebab: 'future' },
    ]);
    expect(formatText(report, 'id')).toContain('2 baris stempel disisihkan');
    expect(formatText(report, 'en')).toContain('2 stamp rows set aside');
    // A file with nothing set aside keeps the spec's shape.
    expect(
      buildReport([validateWith(approved)], { reference: SCHEDULE, today: TODAY, lang: 'id' }).files[0]
        .persetujuan,
    ).not.toHaveProperty('disisihkan');
  });

  it('without a validation date (chainStatus alone), a stamp in year 10000 of the zone still cannot crash the schedule', () => {
    const sheet = readStempel({
      sheets: [stempel([{ tingkat: 'penyusun', waktu: '9999-12-31T20:00:00Z' }])],
    });
    const chain = chainStatus(sheet, SCHEDULE.tingkatPersetujuan, HASH);
    expect(chain.levels[0].status).toBe('valid');
    expect(
      scheduleStatus(chain, SCHEDULE.tingkatPersetujuan, SCHEDULE.jadwal!, TODAY, 'Asia/Makassar')[0],
    ).toEqual({ tingkat: 'penyusun', batas: '2026-03-15', keadaan: 'lewat', hari: 258 });
  });
});

describe('item 9: a reference says what it means, or is refused', () => {
  const load = (edit: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(JSON.stringify(EMBEDDED_REFERENCE_JSON)) as Record<string, unknown>;
    edit(json);
    return parseReferenceJson(json);
  };
  const problems = (edit: (json: Record<string, unknown>) => void) => {
    const r = load(edit);
    return r.ok ? [] : r.problems.map((p) => p.message.id);
  };

  it('two levels with one label are refused (the printed table showed the first level in every deadline column)', () => {
    expect(
      problems((j) => {
        j.tingkatPersetujuan = [
          { kunci: 'penyusun', label: 'Disusun', labelEn: 'Prepared' },
          { kunci: 'kepalaOpd', label: 'Disusun', labelEn: 'Approved' },
        ];
      }),
    ).toEqual([expect.stringContaining('label «Disusun» sudah dipakai tingkat lain')]);
  });

  it('a severity override for a rule that does not exist is refused, not silently ignored', () => {
    expect(problems((j) => (j.parameter = { severity: { 'SOP-99': 'off' } }))).toEqual([
      expect.stringContaining('aturan SOP-99 tidak ada'),
    ]);
    expect(problems((j) => (j.parameter = { severity: { 'SOP-04': 'warning' } }))).toEqual([]);
  });

  it('an empty zonaWaktu is refused, not taken as Jakarta', () => {
    expect(problems((j) => ((j.daerah as Record<string, unknown>).zonaWaktu = ''))).toEqual([
      expect.stringContaining('zona waktu «» tidak dikenal'),
    ]);
  });

  it('jadwal: null is no schedule (the field is optional), not "wajib diisi"', () => {
    const r = load((j) => (j.jadwal = null));
    expect(r.ok && r.reference.jadwal).toBeUndefined();
    expect(r.ok).toBe(true);
  });

  it('prototype-named keys in every keyed map of the reference are refused or kept as own keys', () => {
    // jadwal.batas, parameter.severity, program targets: keys a file chooses.
    expect(
      problems(
        (j) =>
          (j.jadwal = {
            tahun: 2026,
            batas: JSON.parse('{"__proto__": "2026-03-01", "constructor": "2026-03-02"}'),
          }),
      ),
    ).toEqual([
      expect.stringContaining('tingkat «__proto__» tidak didefinisikan'),
      expect.stringContaining('tingkat «constructor» tidak didefinisikan'),
    ]);
    expect(
      problems((j) => (j.parameter = { severity: JSON.parse('{"__proto__": "off", "constructor": "off"}') }))
        .length,
    ).toBe(2);
    expect(
      problems((j) => {
        const program = (j.rpjmd as { program: Record<string, unknown>[] }).program;
        program[0] = { ...program[0], target: JSON.parse('{"__proto__": 1, "toString": 2}') };
      }).length,
    ).toBe(2);
  });
});
