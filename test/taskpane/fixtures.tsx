/** Workbooks and a render helper shared by the task-pane tests. */
import './setup';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { WorkbookGrid } from '../../src/engine/grid';
import * as xlsxModule from '../../src/xlsx/readXlsx';
import { App, type TabName } from '../../src/taskpane/App';
import { PaneController } from '../../src/taskpane/controller';
import { TODAY, VALID_IDENTITAS, buildGrid, inisiatifRow, validRow } from '../helpers/workbook';
import { MemoryPort, type MemoryPortOptions } from './memoryPort';

export { TODAY };

/**
 * A submission with mistakes: an e-mail that is not one (Identitas!B8, warning), a misspelt
 * tahapan and a javascript: link on row 3 (two errors), a negative budget (error) and a vague
 * dasar hukum (warning) on row 4.
 */
export function mistakesGrid(): WorkbookGrid {
  return buildGrid({
    identitas: [...VALID_IDENTITAS.filter(([l]) => l !== 'Email'), ['Email', 'bukan-email']],
    rows: [
      validRow(),
      validRow({
        'Nama Inovasi': 'Layanan Antar Obat',
        'Tahapan Inovasi': 'Penerapn',
        'Tautan Data Dukung': 'javascript:alert(1)',
      }),
      inisiatifRow({ 'Dasar Hukum': 'Perwali', 'Anggaran (Rp)': -5 }),
    ],
  });
}

/** Only warnings: what `mistakesGrid` becomes once its errors are fixed. */
export function fixedEdits(port: MemoryPort): void {
  port.edit('Inovasi', 'C3', 'Penerapan');
  port.edit('Inovasi', 'Y3', 'https://bitungkota.go.id/obat');
  port.edit('Inovasi', 'T4', 0);
  port.edit('Inovasi', 'U4', 'Tanpa Anggaran');
}

export interface Rendered {
  readonly port: MemoryPort;
  readonly controller: PaneController;
  readonly download: jest.Mock;
}

/** Renders the pane at 320 px on a memory workbook and waits for its start-up reads. */
export async function renderPane(
  grid: WorkbookGrid = mistakesGrid(),
  options: MemoryPortOptions & { tab?: TabName } = {},
): Promise<Rendered> {
  const port = new MemoryPort(grid, options);
  const download = jest.fn();
  const controller = new PaneController({
    port,
    today: () => TODAY,
    now: () => new Date('2026-11-28T09:30:00Z'),
    loadXlsx: async () => xlsxModule,
    download,
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <div style={{ width: 320 }} data-testid="frame">
        <App port={port} controller={controller} initialTab={options.tab} />
      </div>
    </FluentProvider>,
  );
  await waitFor(() => expect(port.calls).toContain('readSubmission'));
  await settle();
  return { port, controller, download };
}

/** Text content of an element (jest-dom is not installed). */
export function text(el: HTMLElement): string {
  return el.textContent ?? '';
}

/** A button that cannot be pressed (disabled, or aria-disabled). */
export function disabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true';
}

/** Waits until the pane has finished its workbook operation. */
export async function settle(): Promise<void> {
  await waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false'));
}

/** Clicks, then waits for whatever the click started on the workbook to finish. */
export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
  });
  await settle();
}

/**
 * The open dialog. Under jsdom, tabster's modalizer sometimes leaves `aria-hidden` on the dialog
 * itself (it relies on layout jsdom does not have; microsoft/fluentui#27322), so the dialog is
 * looked up with `hidden: true`; in a browser the e2e run covers the real accessibility tree.
 */
export async function openDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { hidden: true });
}

/** The visible tab panel. */
export function panel(): HTMLElement {
  return screen.getByRole('tabpanel');
}

export { buildGrid, validRow };

/** Opens the sign-off form (collapsed until asked for, issue 25) when the chain has a next level. */
export function openStampForm(): void {
  if (screen.queryByTestId('signoff-form')) return;
  const header = screen.queryByRole('button', { name: /^(Formulir stempel|Stamp form)$/ });
  if (header) fireEvent.click(header);
}
