/**
 * The .xlsx reader is needed only when the user picks a file, so it is loaded on demand: webpack
 * splits this `import()` into its own chunk and the initial task pane stays small.
 */
export type XlsxModule = typeof import('../xlsx/readXlsx');

export type XlsxLoader = () => Promise<XlsxModule>;

export const loadXlsxReader: XlsxLoader = () => import('../xlsx/readXlsx');
