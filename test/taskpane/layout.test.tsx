/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { computeAccessibleName } from 'dom-accessibility-api';
import { click, renderPane } from './fixtures';
import type { TabName } from '../../src/taskpane/App';

const CONTROL_ROLES = ['button', 'tab', 'checkbox', 'switch', 'combobox', 'textbox', 'progressbar'];

/** Every control of the visible pane, with its accessible name. */
function controls(): { role: string; name: string; html: string }[] {
  const main = screen.getByRole('main');
  return CONTROL_ROLES.flatMap((role) =>
    within(main)
      .queryAllByRole(role)
      .map((el) => ({ role, name: computeAccessibleName(el).trim(), html: el.outerHTML.slice(0, 120) })),
  );
}

/** Inline widths wider than the pane. */
function tooWide(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[style]'))
    .filter((el) => {
      for (const prop of ['width', 'minWidth'] as const) {
        const m = /^(\d+(?:\.\d+)?)px$/.exec(el.style[prop]);
        if (m && Number(m[1]) > 320) return true;
      }
      return false;
    })
    .map((el) => el.outerHTML.slice(0, 120));
}

describe('at 320 px, from the keyboard, with a screen reader', () => {
  test.each<TabName>(['validasi', 'konsolidasi', 'audit', 'referensi'])(
    'every control of the %s tab has a name',
    async (tab) => {
      await renderPane(undefined, { tab });
      if (tab === 'validasi' || tab === 'audit') {
        const run = within(screen.getByRole('tabpanel'))
          .getAllByRole('button')
          .find((b) => b.textContent === 'Validasi');
        if (run) await click(run);
      }
      const unnamed = controls().filter((c) => c.name === '');
      expect(unnamed).toEqual([]);
      expect(tooWide()).toEqual([]);
    },
  );

  test('the pane neither scrolls sideways nor lets long words widen it', async () => {
    await renderPane();
    await click(screen.getByRole('button', { name: 'Validasi' }));
    const main = screen.getByRole('main');
    const style = getComputedStyle(main);
    expect(style.overflowX).toBe('hidden');
    expect(style.overflowWrap).toBe('anywhere');
    const finding = within(main)
      .getAllByRole('button')
      .find((b) => b.hasAttribute('data-finding-id'))!;
    expect(getComputedStyle(finding).whiteSpace).toBe('normal');
    expect(getComputedStyle(finding).width).toBe('100%');
  });

  test('validation results are announced in a polite live region', async () => {
    await renderPane();
    const region = screen.getByTestId('live-region');
    expect(region.getAttribute('aria-live')).toBe('polite');
    await click(screen.getByRole('button', { name: 'Validasi' }));
    expect(region.textContent).toBe('Validasi selesai: 3 galat, 2 peringatan, 0 diterima.');
  });
});
