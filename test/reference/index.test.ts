import {
  ReferenceIndex,
  bidangOfProgram,
  canonicalBidangCode,
  canonicalProgramCode,
} from '../../src/engine/reference/index';
import { defaultReference } from '../../src/engine/reference/load';

describe('canonical codes', () => {
  it.each([
    ['1.02', '1.02'],
    ['1.2', '1.02'],
    [' 2.10 ', '2.10'],
    ['1.02 Kesehatan', '1.02'],
    ['1.02 - Kesehatan', '1.02'],
    ['1.02-Kesehatan', '1.02'],
    ['Kesehatan', null],
    ['1.02.02', null],
    ['1', null],
    ['', null],
  ])('canonicalBidangCode(%j) → %j', (text, code) => {
    expect(canonicalBidangCode(text)).toBe(code);
  });

  it.each([
    ['1.02.02', '1.02.02'],
    ['1.2.2', '1.02.02'],
    ['1.02.02 - PROGRAM PEMENUHAN UPAYA KESEHATAN', '1.02.02'],
    ['1.2.2 Program pemenuhan', '1.02.02'],
    ['  3.25.3:PROGRAM', '3.25.03'],
    ['1.02.02.1.01', null],
    ['1.02', null],
    ['PROGRAM 1.02.02', null],
    ['', null],
  ])('canonicalProgramCode(%j) → %j', (text, code) => {
    expect(canonicalProgramCode(text)).toBe(code);
  });

  it('bidangOfProgram', () => {
    expect(bidangOfProgram('1.2.2')).toBe('1.02');
    expect(bidangOfProgram('x')).toBeNull();
  });
});

describe('ReferenceIndex', () => {
  const index = ReferenceIndex.of(defaultReference());

  it('is built once per reference', () => {
    expect(ReferenceIndex.of(defaultReference())).toBe(index);
  });

  it.each([
    ['1.02', '1.02'],
    ['1.2', '1.02'],
    ['1.02 Kesehatan', '1.02'],
    ['1.02 - Kesehatan', '1.02'],
    ['URUSAN PEMERINTAHAN BIDANG KESEHATAN', '1.02'],
    ['urusan pemerintahan bidang kesehatan', '1.02'],
    ['Kesehatan', '1.02'],
    ['  KESEHATAN ', '1.02'],
    ['Bidang Kesehatan', '1.02'],
    ['Koperasi, Usaha Kecil, dan Menengah', '2.17'],
    ['koperasi usaha kecil dan menengah', '2.17'],
    ['Sekretariat DPRD', '4.02'],
    ['2.10', '2.10'],
    ['Kecamatan', '7.01'],
    ['1.99', null],
    ['5.07', null],
    ['Kesehatan Hewan', null],
    ['', null],
  ])('findBidang(%j) → %j', (text, code) => {
    expect(index.findBidang(text)).toBe(code);
  });

  it('bidangByCode', () => {
    expect(index.bidangByCode('1.2')?.singkat).toBe('Kesehatan');
    expect(index.bidangByCode('1.99')).toBeNull();
  });

  it.each([
    ['DINKES', 'DINKES'],
    ['Dinas Kesehatan', 'DINKES'],
    ['dinas  kesehatan', 'DINKES'],
    ['DINKES ', 'DINKES'],
    ['dinkes', 'DINKES'],
    ['Kec. Ranowulu', 'KEC-RANOWULU'],
    ['kec ranowulu', 'KEC-RANOWULU'],
    ['KEC-RANOWULU', 'KEC-RANOWULU'],
    ['Bappelitbang', 'BAPPEDA'],
    ['Dinas Kesehatan Kota Manado', null],
    ['', null],
  ])('findOpd(%j) → %j', (text, code) => {
    expect(index.findOpd(text)?.kode ?? null).toBe(code);
  });

  it('opdNames gives the official names in reference order', () => {
    const names = index.opdNames();
    expect(names).toHaveLength(37);
    expect(names[0]).toBe('Sekretariat Daerah');
    expect(names).toContain('Dinas Kesehatan');
  });

  it('opdByCode', () => {
    expect(index.opdByCode('DINKES')?.nama).toBe('Dinas Kesehatan');
    expect(index.opdByCode('dinkes')).toBeNull();
  });

  it('looks programs up in the RPJMD and in the nomenclature', () => {
    expect(index.rpjmdProgram('1.2.2 Program')?.kode).toBe('1.02.02');
    expect(index.rpjmdProgram('1.02.04')).toBeNull(); // in the nomenclature, not in this RPJMD
    expect(index.nomenklaturProgram('1.02.04')?.nama).toMatch(/^PROGRAM SEDIAAN FARMASI/);
    expect(index.nomenklaturProgram('no code')).toBeNull();
    expect(index.programCodes()).toEqual(defaultReference().rpjmd.program.map((p) => p.kode));
  });

  it('gives the period', () => {
    expect(index.period).toEqual({ mulai: 2025, akhir: 2029 });
    expect(index.inPeriod(2025)).toBe(true);
    expect(index.inPeriod(2030)).toBe(false);
    expect(index.periodText()).toBe('2025–2029');
  });

  it('walks a program up to its sasaran, tujuan and misi', () => {
    const program = index.rpjmdProgram('1.02.02')!;
    const cascade = index.cascade(program);
    expect(cascade.sasaran.map((s) => s.kode)).toEqual(['S1.1.1']);
    expect(cascade.tujuan.map((t) => t.kode)).toEqual(['T1.1']);
    expect(cascade.misi.map((m) => m.kode)).toEqual(['M1']);
    expect(index.misiByCode('M1')?.uraian).toMatch(/sumber daya manusia/);
    expect(index.tujuanByCode('T1.1')?.misi).toBe('M1');
    expect(index.sasaranByCode('S1.1.1')?.tujuan).toBe('T1.1');
    expect(index.sasaranByCode('S0')).toBeNull();
  });
});
