/**
 * Keys that come from a file (a level key, a rule id, a month name) are looked up as own properties
 * only: `constructor`, `toString` or `__proto__` must never reach `Object.prototype`.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
