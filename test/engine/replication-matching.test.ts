/**
 * Replication (docs/spec/replication.md): the catalogue, each matching step of `sumberReplikasi` and
 * its ties, KON-10, the counts per OPD, and what the summary, the JSON and the feedback show. Every
 * expected value is worked out by hand from the fixtures.
 */
import { findingMessage } from '../../src/engine/messages';
import {
  DINKES,
  DINSOS,
  DUKCAPIL,
  replicating,
  run,
  running,
  sourceOf,
  sourceText,
} from '../helpers/replication';
import { colOf, inisiatifRow } from '../helpers/workbook';

describe('the catalogue', () => {
  it('holds the counted Penerapan public-service innovations, in file order then row', () => {
    const r = run(
      DINKES([
        running('Posyandu Digital Bitung Sehat'),
        inisiatifRow({ 'Nama Inovasi': 'Rencana Aplikasi Rujukan Puskesmas' }),
        running('Rapat Koordinasi Daring', { 'Bentuk Inovasi': 'Inovasi Tata Kelola Pemerintahan Daerah' }),
        running('Klinik Sanitasi Pesisir'),
      ]),
      DINSOS([running('Bansos Tepat Sasaran')]),
    );
    expect(r.catalogue.map((i) => `${i.opd.kode}:${i.nama}:${i.row.row}`)).toEqual([
      'DINKES:Posyandu Digital Bitung Sehat:2',
      'DINKES:Klinik Sanitasi Pesisir:5',
      'DINSOS:Bansos Tepat Sasaran:2',
    ]);
  });
});

describe('matching sumberReplikasi, step by step', () => {
  const dinkes = DINKES([running('Posyandu Digital Bitung Sehat'), running('Antrean Online')]);

  it('1. names an innovation of another OPD as a run of whole words, inside a longer text', () => {
    const r = run(
      dinkes,
      DINSOS([
        replicating('Posyandu Digital Lansia', 'Replikasi «Posyandu Digital Bitung Sehat» dari Dinkes, 2025'),
      ]),
    );
    expect(sourceOf(r, 'Posyandu Digital Lansia')).toBe('inovasi:Posyandu Digital Bitung Sehat@DINKES');
  });

  it('1. separators, letter case and punctuation do not matter', () => {
    const r = run(
      dinkes,
      DINSOS([replicating('Posyandu Digital Lansia', 'POSYANDU-DIGITAL (bitung) sehat')]),
    );
    expect(sourceOf(r, 'Posyandu Digital Lansia')).toBe('inovasi:Posyandu Digital Bitung Sehat@DINKES');
  });

  it('1. a name inside a word never matches', () => {
    const r = run(
      dinkes,
      DINSOS([
        replicating('Antrean Bansos', 'AntreanOnline gaya Dinsos Minahasa'),
        replicating('Antrean Lansia', 'Antrean Onlines'),
      ]),
    );
    expect(sourceOf(r, 'Antrean Bansos')).not.toMatch(/^inovasi/);
    expect(sourceOf(r, 'Antrean Lansia')).toBe('tidakDikenali:Antrean Online');
  });

  it('1. originals first: a declared replication of the same name elsewhere does not take the link', () => {
    const r = run(
      DINSOS([replicating('Antrean Online', 'Kabupaten Minahasa')]), // a replication named like the original
      dinkes,
      DUKCAPIL([replicating('Antrean Online Dukcapil', 'Antrean Online')]),
    );
    expect(sourceOf(r, 'Antrean Online Dukcapil')).toBe('inovasi:Antrean Online@DINKES');
  });

  it('1. then any: a name found only among replications links to it', () => {
    const r = run(
      DINSOS([replicating('Antrean Bansos Terpadu', 'Kota Manado')]),
      DUKCAPIL([replicating('Antrean KTP', 'meniru Antrean Bansos Terpadu')]),
    );
    expect(sourceOf(r, 'Antrean KTP')).toBe('inovasi:Antrean Bansos Terpadu@DINSOS');
  });

  it('1. two names contained in one source: the longer wins', () => {
    const r = run(
      DINKES([running('Antrean Online')]),
      DINSOS([running('Antrean Online Terpadu Bitung')]),
      DUKCAPIL([replicating('Antrean KTP', 'Antrean Online Terpadu Bitung')]),
    );
    expect(sourceOf(r, 'Antrean KTP')).toBe('inovasi:Antrean Online Terpadu Bitung@DINSOS');
  });

  it('1. two innovations tied at the longest length: not linked there, the next steps decide', () => {
    const tie = run(
      DINKES([running('Antrean Pasien')]),
      DINSOS([running('Bansos Digital')]), // 14 characters each
      DUKCAPIL([
        replicating('Antrean KTP', 'Antrean Pasien dan Bansos Digital'),
        replicating('Antrean KK', 'Antrean Pasien dan Bansos Digital, Dinas Sosial'),
      ]),
    );
    expect(sourceOf(tie, 'Antrean KTP')).toBe('tidakDikenali:Antrean Pasien');
    expect(sourceOf(tie, 'Antrean KK')).toBe('opd:DINSOS');
    // The same name as an original in two other OPDs is two innovations: a tie as well.
    const twice = run(
      DINKES([running('Antrean Online')]),
      DINSOS([running('Antrean Online')]),
      DUKCAPIL([replicating('Antrean KTP', 'Antrean Online')]),
    );
    expect(sourceOf(twice, 'Antrean KTP')).toMatch(/^tidakDikenali/);
  });

  it('1. its own innovations are never a source', () => {
    const r = run(
      DINKES([running('Antrean Online'), replicating('Antrean Online Puskesmas', 'Antrean Online')]),
    );
    expect(sourceOf(r, 'Antrean Online Puskesmas')).toBe('tidakDikenali:-');
  });

  it('2. names another reference OPD by official name, alias or code, as whole words', () => {
    const r = run(
      DINKES([running('Antrean Online')]),
      DINSOS([
        replicating('Bansos Satu', 'Inovasi Dinas Kesehatan'),
        replicating('Bansos Dua', 'dari dinkes'),
        replicating('Bansos Tiga', 'KOMINFO'),
        replicating('Bansos Empat', 'Dinkesos Minahasa'),
      ]),
    );
    expect(['Bansos Satu', 'Bansos Dua', 'Bansos Tiga'].map((n) => sourceOf(r, n))).toEqual([
      'opd:DINKES',
      'opd:DINKES',
      'opd:KOMINFO',
    ]);
    expect(sourceOf(r, 'Bansos Empat')).toBe('tidakDikenali:-');
  });

  it('2. the longer OPD name wins; two OPDs named at the same length link none', () => {
    const r = run(
      DINSOS([
        replicating('Bansos Satu', 'Dinas Pendidikan dan Kebudayaan'), // `Dinas Pendidikan` (DIKBUD alias) is contained too, same OPD
        replicating('Bansos Dua', 'Dinkes atau Dinsos'), // own OPD named too: the other one is taken
        replicating('Bansos Tiga', 'BPBD dan DP3A'), // two other OPDs, 4 characters each
      ]),
    );
    expect(sourceOf(r, 'Bansos Satu')).toBe('opd:DIKBUD');
    expect(sourceOf(r, 'Bansos Dua')).toBe('opd:DINKES');
    expect(sourceOf(r, 'Bansos Tiga')).toBe('tidakDikenali:-');
  });

  it('3. names its own OPD only: OPD Sendiri', () => {
    const r = run(DINSOS([replicating('Bansos Satu', 'Bidang Rehabilitasi Dinas Sosial')]));
    expect(sourceOf(r, 'Bansos Satu')).toBe('sendiri');
  });

  it('4. names a region or a national body: Luar Daerah', () => {
    const sources = [
      'Kabupaten Minahasa Utara',
      'Kab. Sleman',
      'Pemprov: Prov Sulut',
      'Kota Surabaya',
      'Kemenkes RI',
      'KemenPAN-RB',
      'Kementerian Dalam Negeri',
      'Badan Riset dan Inovasi Nasional',
      'BSKDN',
      'LAN RI',
      'Provinsi Jawa Barat',
    ];
    const r = run(DINSOS(sources.map((s, i) => replicating(`Bansos Luar ${i + 1}`, s))));
    expect(sources.map((_, i) => sourceOf(r, `Bansos Luar ${i + 1}`))).toEqual(sources.map(() => 'luar'));
  });

  it('4. the region itself is not outside; `badan` needs `nasional`; a word merely starting alike is no region', () => {
    const r = run(
      DINSOS([
        replicating('Bansos Satu', 'Pemerintah Kota Bitung'),
        replicating('Bansos Dua', 'Badan Usaha Milik Desa'),
        replicating('Bansos Tiga', 'Kotamobagu'),
      ]),
    );
    expect(['Bansos Satu', 'Bansos Dua', 'Bansos Tiga'].map((n) => sourceOf(r, n))).toEqual([
      'tidakDikenali:-',
      'tidakDikenali:-',
      'tidakDikenali:-',
    ]);
  });

  it('5. unrecognised: the nearest catalogue name of another OPD as the hint, none when nothing is near', () => {
    const r = run(
      dinkes,
      DINSOS([
        running('Posyandu Digital Lansia Terpadu'),
        replicating('Bansos Satu', 'Posyandu Digtal Bitung Sehat'),
        replicating('Bansos Dua', 'Program Makan Bergizi'),
      ]),
    );
    expect(sourceOf(r, 'Bansos Satu')).toBe('tidakDikenali:Posyandu Digital Bitung Sehat');
    expect(sourceOf(r, 'Bansos Dua')).toBe('tidakDikenali:-');
  });

  it('5. the hint is found through a rare word even past the names a common word keeps (more than 1,000 share it)', () => {
    // 1,100 catalogue names share «layanan» and «warga»; only the 1,050th holds «1050».
    const many = Array.from({ length: 1100 }, (_, i) => running(`Layanan Warga ${i + 1}`));
    const r = run(
      DINKES(many),
      DINSOS([
        replicating('Bansos Satu', 'Layanan Warg 1050'),
        replicating('Bansos Dua', 'Layanan Warga Baru'),
      ]),
    );
    expect(sourceOf(r, 'Bansos Satu')).toBe('tidakDikenali:Layanan Warga 1050');
    // Only common words: the candidates are the first names holding one, the nearest of them (all tie) the first.
    expect(sourceOf(r, 'Bansos Dua')).toBe('tidakDikenali:Layanan Warga 1');
  });

  it('an empty source (LOG-05) is a replication with an unrecognised source', () => {
    const r = run(DINSOS([replicating('Bansos Satu', null)]));
    expect(r.replications.map((x) => [x.sumber, sourceText(x.source)])).toEqual([['', 'tidakDikenali:-']]);
  });
});

describe('KON-10', () => {
  it('fires on the sumberReplikasi cell when the linked source is not yet Penerapan, or not a public-service innovation', () => {
    const r = run(
      DINKES([
        inisiatifRow({ 'Nama Inovasi': 'Rujukan Puskesmas Daring' }),
        running('Rapat Koordinasi Daring', { 'Bentuk Inovasi': 'Inovasi Tata Kelola Pemerintahan Daerah' }),
      ]),
      DINSOS([
        replicating('Rujukan Panti Daring', 'Rujukan Puskesmas Daring'),
        replicating('Rapat Bansos Daring', 'Rapat Koordinasi Daring Dinkes'),
      ]),
    );
    const found = r.findings.get(1) ?? [];
    const col = colOf('Sumber Replikasi');
    expect(found.map((f) => `${f.rule}@${f.cell}:${f.severity}`)).toEqual([
      `KON-10@${col}2:info`,
      `KON-10@${col}3:info`,
    ]);
    expect(found.map((f) => findingMessage(f, 'id'))).toEqual([
      'Sumber replikasi «Rujukan Puskesmas Daring» (Dinas Kesehatan) belum berstatus Penerapan.',
      'Sumber replikasi «Rapat Koordinasi Daring» (Dinas Kesehatan) bukan inovasi pelayanan publik.',
    ]);
    expect(r.findings.get(0)).toBeUndefined();
  });

  it('stays quiet for a catalogue source, an OPD, outside and unrecognised sources', () => {
    const r = run(
      DINKES([running('Posyandu Digital Bitung Sehat')]),
      DINSOS([
        replicating('Bansos Satu', 'Posyandu Digital Bitung Sehat'),
        replicating('Bansos Dua', 'Dinkes'),
        replicating('Bansos Tiga', 'Kabupaten Sleman'),
        replicating('Bansos Empat', 'entah'),
      ]),
    );
    expect([...r.findings.values()].flat()).toEqual([]);
  });
});
