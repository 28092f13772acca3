/**
 * The shipped JSON Schema describes the same shape the loader accepts. No schema validator is a
 * dependency, so this walks the sample with the schema's `required`/`type` keywords by hand.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseReferenceJson } from '../../src/engine/reference/load';

const dir = path.join(__dirname, '../../src/engine/reference/data');
const schema = JSON.parse(readFileSync(path.join(dir, 'reference.schema.json'), 'utf8'));
const sample = JSON.parse(readFileSync(path.join(dir, 'bitung-contoh.json'), 'utf8'));

type Node = {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Node>;
  items?: Node;
  $ref?: string;
};

function check(node: Node, value: unknown, at: string, problems: string[]): void {
  if (node.$ref) node = schema.$defs[node.$ref.split('/').pop()!];
  const types = node.type === undefined ? [] : ([] as string[]).concat(node.type);
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length && !types.includes(actual) && !(actual === 'integer' && types.includes('number')))
    problems.push(`${at}: ${actual} is not ${types}`);
  for (const key of node.required ?? [])
    if (!(value as Record<string, unknown>)?.[key]) problems.push(`${at}.${key} missing`);
  if (node.properties && value && typeof value === 'object') {
    for (const [key, child] of Object.entries(node.properties)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) check(child, v, `${at}.${key}`, problems);
    }
  }
  if (node.items && Array.isArray(value))
    value.forEach((v, i) => check(node.items!, v, `${at}[${i}]`, problems));
}

test('the Bitung sample conforms to the shipped schema and loads', () => {
  const problems: string[] = [];
  check(schema, sample, '$', problems);
  expect(problems).toEqual([]);
  expect(parseReferenceJson(sample).ok).toBe(true);
});

test('what the schema requires, the loader requires too', () => {
  for (const key of schema.required as string[]) {
    const broken = { ...sample };
    delete broken[key];
    const problems: string[] = [];
    check(schema, broken, '$', problems);
    expect(problems).toEqual([`$.${key} missing`]);
    expect(parseReferenceJson(broken).ok).toBe(false);
  }
});

test('the demo reference with its 2026 schedule conforms to the schema, loads, and its deadlines match the schema pattern', () => {
  const demo = JSON.parse(readFileSync(path.join(__dirname, '../../examples/referensi-2026.json'), 'utf8'));
  const problems: string[] = [];
  check(schema, demo, '$', problems);
  expect(problems).toEqual([]);
  const loaded = parseReferenceJson(demo);
  expect(loaded.ok && loaded.reference.jadwal?.tahun).toBe(2026);
  const pattern = new RegExp(schema.properties.jadwal.properties.batas.additionalProperties.pattern);
  for (const day of Object.values(demo.jadwal.batas)) expect(day).toMatch(pattern);
  expect(schema.properties.tingkatPersetujuan.maxItems).toBe(5);
});
