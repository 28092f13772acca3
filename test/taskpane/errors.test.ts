/**
 * One Office error map: a raw Office error reaching the task pane is named by the adapter's code
 * table and words (addin/errors.ts, addin/texts.ts), the same as an error the adapter wrapped; and
 * one reading of Office's display language.
 */
import { adapterError, officeErrorCode, toAdapterError } from '../../src/addin/errors';
import { langOfDisplayLanguage } from '../../src/addin/session';
import { ADDIN_TEXTS } from '../../src/addin/texts';
import { describeError } from '../../src/taskpane/errors';
import { translator } from '../../src/taskpane/i18n';

const shown = (e: unknown, lang: 'id' | 'en') => {
  const { key, params } = describeError(e, lang);
  return translator(lang)(key, params);
};

describe('Office errors', () => {
  test.each([
    ['InvalidOperationInCellEditMode', 'editing'],
    ['AccessDenied', 'protected'],
    ['Unauthenticated', 'protected'],
    ['PayloadTooLarge', 'tooLarge'],
    ['ItemNotFound', 'notFound'],
    ['ApiNotFound', 'unsupported'],
  ] as const)('a raw %s reads as the adapter says %s, in both languages', (office, code) => {
    expect(officeErrorCode(office)).toBe(code);
    for (const lang of ['id', 'en'] as const) {
      const raw = Object.assign(new Error('x'), { code: office });
      expect(shown(raw, lang)).toBe(ADDIN_TEXTS[lang].error[code]);
      expect(shown(toAdapterError(raw, lang), lang)).toBe(ADDIN_TEXTS[lang].error[code]);
    }
  });

  test('an unknown code keeps its own first line; no message at all says so in the language', () => {
    expect(officeErrorCode('SomethingNew')).toBeNull();
    expect(officeErrorCode('toString')).toBeNull();
    expect(shown({ code: 'SomethingNew', message: 'Error: boom\n  at x' }, 'en')).toBe(
      'Something went wrong: boom',
    );
    expect(shown({}, 'id')).toBe('Terjadi kesalahan: sebab tidak diketahui');
    expect(shown({}, 'en')).toBe('Something went wrong: unknown cause');
    expect(adapterError('noHost', 'en').message).toBe('This add-in must run inside Excel.');
  });

  test.each([
    ['id-ID', 'id'],
    ['id', 'id'],
    ['ID-id', 'id'],
    ['in-ID', 'id'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['ind', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('display language %s is %s', (tag, lang) => {
    expect(langOfDisplayLanguage(tag)).toBe(lang);
  });
});
