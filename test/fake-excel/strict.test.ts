/**
 * The fake refuses what Excel refuses, with Excel's error codes (issue 11): a test per rejection
 * makes it fire, so the adapter's tests cannot pass on a host more forgiving than Excel.
 */
import { FIVE_MB, createFakeExcel } from './index';
import type { Workbook } from './proxies';
import type { FakeRequestContext } from './runtime';

type Ctx = FakeRequestContext & { workbook: Workbook };

/** Runs one batch on a fresh fake and returns the error Office would report (or null). */
async function failureOf(
  batch: (context: Ctx) => Promise<unknown>,
  options: Parameters<typeof createFakeExcel>[0] = {
    sheets: {
      S: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
  },
) {
  const fake = createFakeExcel(options);
  try {
    await fake.Excel.run(batch);
    return { fake, error: null as null | { code: string; name: string } };
  } catch (e) {
    return { fake, error: e as { code: string; name: string } };
  }
}

describe('PropertyNotLoaded', () => {
  it('reading a property that was not loaded, or loaded but not yet synced, throws', async () => {
    await failureOf(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const range = ws.getRange('A1:B2').load('values');
      expect(() => range.values).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }),
      );
      await context.sync();
      expect(range.values).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      // Loading `values` does not load `text`, `numberFormat`, `address` or the sheet's name.
      for (const read of [
        () => range.text,
        () => range.numberFormat,
        () => range.address,
        () => ws.name,
        () => range.format.fill.color,
      ]) {
        expect(read).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      }
    });
  });

  it('a collection item has only the properties loaded through the collection', async () => {
    await failureOf(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheets.items[0].name).toBe('S');
      expect(() => sheets.items[0].visibility).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded' }),
      );
    });
  });

  it('isNullObject is unknown until the sync that resolves the object', async () => {
    await failureOf(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Tidak Ada');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });
});

describe('InvalidArgument: an array whose shape differs from the range', () => {
  const shapes: [string, unknown][] = [
    ['too few rows', [['x', 'y']]],
    [
      'too many columns',
      [
        ['x', 'y', 'z'],
        ['x', 'y', 'z'],
      ],
    ],
    ['a ragged array', [['x', 'y'], ['x']]],
    ['a one-dimensional array', ['x', 'y']],
  ];
  for (const property of ['values', 'numberFormat', 'formulas'] as const) {
    for (const [what, value] of shapes) {
      it(`${property}: ${what} for A1:B2 fails the sync, the document unchanged`, async () => {
        const { fake, error } = await failureOf(async (context) => {
          const range = context.workbook.worksheets.getItem('S').getRange('A1:B2');
          (range as unknown as Record<string, unknown>)[property] = value;
          await context.sync();
        });
        expect(error).toMatchObject({ code: 'InvalidArgument', name: 'RichApi.Error' });
        expect(fake.workbook.sheet('S').values('A1:B2')).toEqual([
          ['a', 'b'],
          ['c', 'd'],
        ]);
        expect(fake.workbook.sheet('S').cell('A1').numberFormat).toBe('General');
      });
    }
  }

  it('the right shape is accepted for all three', async () => {
    const { fake, error } = await failureOf(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B2');
      range.numberFormat = [
        ['@', '@'],
        ['0', '0'],
      ];
      range.values = [
        ['1', 'x'],
        ['2', 'y'],
      ];
      range.getCell(1, 1).formulas = [['=A2*2']];
      await context.sync();
    });
    expect(error).toBeNull();
    const s = fake.workbook.sheet('S');
    expect(s.values('A1:B2')).toEqual([
      ['1', 'x'],
      [2, '=A2*2'],
    ]);
    expect(s.cell('B2').formula).toBe('=A2*2');
  });
});

describe('payload limits of Excel on the web (5 MB each way)', () => {
  it('a request over 5 MB: RequestPayloadSizeLimitExceeded, nothing applied', async () => {
    const rows = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    const { fake, error } = await failureOf(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A60000').values = rows;
      await context.sync();
    });
    expect(error).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.workbook.sheet('S').value('A1')).toBe('a');
  });

  it('a response over 5 MB by default: ResponsePayloadSizeLimitExceeded', async () => {
    const big = Array.from({ length: 60_000 }, (_, i) => [`${i} ${'y'.repeat(100)}`]);
    const { fake, error } = await failureOf(
      async (context) => {
        context.workbook.worksheets.getItem('S').getUsedRange().load('values');
        await context.sync();
      },
      { sheets: { S: big } },
    );
    expect(fake.options.responseLimitBytes).toBe(FIVE_MB);
    expect(error).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.stats.log.at(-1)).toMatchObject({ refused: true });
  });

  it('desktop (no response limit) is an explicit choice', async () => {
    const big = Array.from({ length: 60_000 }, (_, i) => [`${i} ${'y'.repeat(100)}`]);
    const { error } = await failureOf(
      async (context) => {
        context.workbook.worksheets.getItem('S').getUsedRange().load('values');
        await context.sync();
      },
      { sheets: { S: big }, responseLimitBytes: Infinity },
    );
    expect(error).toBeNull();
  });
});

describe('sheet names Excel forbids', () => {
  const bad = [
    '',
    'x'.repeat(32),
    'a:b',
    'a\\b',
    'a/b',
    'a?b',
    'a*b',
    'a[b',
    'a]b',
    'History',
    'HISTORY',
    "'Awal",
    "Akhir'",
  ];
  for (const name of bad) {
    it(`add(${JSON.stringify(name)}) and renaming to it: InvalidArgument`, async () => {
      const added = await failureOf(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
      expect(added.error).toMatchObject({ code: 'InvalidArgument' });
      expect(added.fake.workbook.sheetNames).toEqual(['S']);
      const renamed = await failureOf(async (context) => {
        context.workbook.worksheets.getItem('S').name = name;
        await context.sync();
      });
      expect(renamed.error).toMatchObject({ code: 'InvalidArgument' });
      expect(renamed.fake.workbook.sheetNames).toEqual(['S']);
    });
  }

  it('31 characters, spaces, dots, apostrophes inside and "History " are fine', async () => {
    const ok = ['x'.repeat(31), 'Rekap OPD', 'v1.2', "Dinas's", 'History 2025'];
    const { fake, error } = await failureOf(async (context) => {
      for (const name of ok) context.workbook.worksheets.add(name);
      await context.sync();
    });
    expect(error).toBeNull();
    expect(fake.workbook.sheetNames).toEqual(['S', ...ok]);
  });

  it('a name another sheet has, in any case: ItemAlreadyExists', async () => {
    const { error } = await failureOf(async (context) => {
      context.workbook.worksheets.add('s');
      await context.sync();
    });
    expect(error).toMatchObject({ code: 'ItemAlreadyExists' });
  });
});

describe('the last visible sheet', () => {
  for (const visibility of ['Hidden', 'VeryHidden'] as const) {
    it(`cannot be made ${visibility}: InvalidOperation`, async () => {
      const { fake, error } = await failureOf(
        async (context) => {
          context.workbook.worksheets.getItem('S').visibility = visibility;
          await context.sync();
        },
        { sheets: { S: [['a']], T: { visibility: 'Hidden' }, U: { visibility: 'VeryHidden' } } },
      );
      expect(error).toMatchObject({ code: 'InvalidOperation' });
      expect(fake.workbook.sheet('S').visibility).toBe('Visible');
    });
  }

  it('can be hidden once another is visible; nor can it be deleted', async () => {
    const { fake, error } = await failureOf(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('T');
      sheets.getItem('S').visibility = 'Hidden';
      await context.sync();
      sheets.getItem('T').delete();
      await context.sync();
    });
    expect(error).toMatchObject({ code: 'InvalidOperation' });
    expect(fake.workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['S', 'Hidden'],
      ['T', 'Visible'],
    ]);
  });
});

describe('ItemNotFound', () => {
  it('getItem of a missing sheet fails the sync that uses it', async () => {
    const { error } = await failureOf(async (context) => {
      context.workbook.worksheets.getItem('Tidak Ada').load('name');
      await context.sync();
    });
    expect(error).toMatchObject({ code: 'ItemNotFound', name: 'RichApi.Error' });
  });

  it('a write through a missing sheet fails too, and applies nothing after it', async () => {
    const { fake, error } = await failureOf(async (context) => {
      context.workbook.worksheets.getItem('tidak ada').getRange('A1').values = [['x']];
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['after']];
      await context.sync();
    });
    expect(error).toMatchObject({ code: 'ItemNotFound' });
    expect(fake.workbook.sheet('S').value('A1')).toBe('a');
  });
});

describe('onChanged delivery', () => {
  it("'manual' holds events until flushEvents, in order; a delay in ms delivers later", async () => {
    const fake = createFakeExcel({ sheets: { S: [] } });
    const seen: string[] = [];
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').onChanged.add(async (e) => void seen.push(e.address));
      await context.sync();
    });
    fake.setEventDelivery('manual');
    fake.fireChange('S', 'A1');
    fake.workbook.sheet('S').setValues('B2', [['x']], { fireChange: true });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([]);
    expect(fake.heldEventCount).toBe(2);
    await expect(fake.flushEvents()).resolves.toBe(2);
    expect(seen).toEqual(['A1', 'B2']);

    fake.setEventDelivery(20);
    fake.fireChange('S', 'C3');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['A1', 'B2']);
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['A1', 'B2', 'C3']);
  });
});
