/**
 * Canonical JSON (used for the reference id and the submission content hash): object keys sorted
 * recursively (by UTF-16 code units, as `Array.prototype.sort` compares), arrays kept in order, no
 * whitespace, numbers and strings written exactly as `JSON.stringify` writes them.
 */
export function canonicalJson(value: unknown): string {
  const out = write(value);
  if (out === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return out;
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // JSON.stringify would write NaN/Infinity as null: a hash must not silently merge them.
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined; // left out of objects, null in arrays, as JSON.stringify does
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no JSON form');
    default:
      break;
  }
  if (Array.isArray(value)) {
    return '[' + value.map((item) => write(item) ?? 'null').join(',') + ']';
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const written = write(record[key]);
    if (written !== undefined) members.push(JSON.stringify(key) + ':' + written);
  }
  return '{' + members.join(',') + '}';
}
