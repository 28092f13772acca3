/**
 * The engine's message catalogues: the Indonesian and the English one hold exactly the keys the
 * rule registry asks for (compile time checks it too: both are `Record<MessageKey, string>`), no
 * text is empty, and both fill the same parameters. English names a parameter `xEn` where the
 * finding carries a separate English value (`jenisEn`, `sebabEn`, …).
 */
import { MESSAGE_KEYS, catalogueKeys, message } from '../../src/engine/messages';
import { en } from '../../src/engine/messages/en';
import { id } from '../../src/engine/messages/id';
import { RULE_IDS } from '../../src/engine/rules/registry';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  test.each(['id', 'en'] as const)('the %s catalogue has exactly the message keys, in order', (lang) => {
    expect(catalogueKeys(lang)).toEqual([...MESSAGE_KEYS]);
  });

  test('every rule of the registry has a text in each language', () => {
    for (const rule of RULE_IDS) {
      const keys =
        rule === 'KON-04'
          ? ['KON-04.none', 'KON-04.changed']
          : rule === 'KON-10'
            ? ['KON-10.tahapan', 'KON-10.bentuk']
            : [rule];
      for (const key of keys) expect(MESSAGE_KEYS).toContain(key);
    }
    // KON-04's, KON-05's and KON-10's second wordings, IID-01's and IID-02's other wordings (1 + 4), the two summary lines, five hints, two causes the engine
    // finds, three grouped-line texts and five texts of how the consolidation year was chosen.
    expect(MESSAGE_KEYS.length).toBe(RULE_IDS.length + 3 + 5 + 2 + 5 + 2 + 3 + 5);
  });

  test.each(MESSAGE_KEYS.map((k) => [k]))(
    '%s: no empty text, the same parameters in both languages',
    (key) => {
      expect(id[key].trim()).not.toBe('');
      expect(en[key].trim()).not.toBe('');
      const english = placeholders(en[key]).map((p) => (p.endsWith('En') ? p.slice(0, -2) : p));
      expect(english).toEqual(placeholders(id[key]));
    },
  );

  test('a key with no text is an error, never the Indonesian text under an English label', () => {
    expect(() => message('en', 'NOPE-01' as never)).toThrow('No en text for message NOPE-01');
    expect(message('en', 'STR-08')).toBe('No innovation has been entered yet.');
    expect(message('id', 'STR-08')).toBe('Belum ada inovasi yang diisi.');
  });
});
