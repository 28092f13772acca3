/**
 * Writes a document of the engine's (src/engine/document.ts) to a file: the workbook is made by
 * src/xlsx/documentXlsx.ts (shared with the task pane), here with Node's file sink and zlib.
 */
import { DocumentModel } from '../engine/document';
import { writeDocument } from '../xlsx/documentXlsx';
import { fileSink, nodeCompressor } from './summaryWriter';

/** Writes the document to `outPath`; `date` (ISO) stamps the workbook (equal input, equal bytes). */
export async function writeDocumentXlsx(doc: DocumentModel, outPath: string, date: string): Promise<void> {
  await writeDocument(doc, fileSink(outPath), date, nodeCompressor);
}
