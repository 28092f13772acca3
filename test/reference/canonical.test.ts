import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/engine/canonicalJson';
import { sha256Hex } from '../../src/engine/hash';

describe('canonicalJson', () => {
  it('sorts object keys recursively and keeps array order, with no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: null } })).toBe('{"a":{"c":null,"d":[3,1,2]},"b":1}');
    expect(canonicalJson([{ z: 1, y: 2 }, 'x'])).toBe('[{"y":2,"z":1},"x"]');
  });

  it('sorts keys by UTF-16 code units, upper case before lower case', () => {
    expect(canonicalJson({ b: 0, B: 0, a: 0, é: 0, '10': 0, '9': 0 })).toBe(
      '{"10":0,"9":0,"B":0,"a":0,"b":0,"é":0}',
    );
  });

  it('writes strings and numbers exactly as JSON.stringify does', () => {
    const texts = [
      'tab\there',
      'quote " and \\ backslash',
      'line\nbreak\r',
      '\u0000\u001f\u007f',
      'ñ 漢字 😀',
      '\u2028\u2029',
      '\ud800',
    ];
    for (const t of texts) expect(canonicalJson(t)).toBe(JSON.stringify(t));
    for (const n of [0, -0, 1.5, 96.5, 1e21, 1e-7, -3, 2 ** 53])
      expect(canonicalJson(n)).toBe(JSON.stringify(n));
    expect(canonicalJson({ 'k"ey\n': 'v' })).toBe('{"k\\"ey\\n":"v"}');
  });

  it('equals JSON.stringify of an already sorted value', () => {
    const value = { a: [1, 'two', true, null, { b: 'c' }], d: { e: 'f' } };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it('leaves out undefined members and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('refuses values with no faithful JSON form', () => {
    expect(() => canonicalJson(NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(BigInt(1))).toThrow(TypeError);
  });
});

describe('sha256Hex', () => {
  const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('matches node:crypto on ASCII and non-ASCII text', () => {
    for (const text of ['', 'abc', 'Kota Bitung', 'Pelayanan «prima» — ñ 漢字 😀', 'a'.repeat(1000)]) {
      expect(sha256Hex(text)).toBe(node(text));
    }
  });

  it('gives the known digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
