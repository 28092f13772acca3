/**
 * Writes one feedback document (src/engine/feedback.ts) to a file: the workbook is made by
 * src/xlsx/feedbackXlsx.ts (shared with the task pane), here with Node's file sink and zlib.
 */
import { FeedbackDocument } from '../engine/feedback';
import { writeFeedback } from '../xlsx/feedbackXlsx';
import { fileSink, nodeCompressor } from './summaryWriter';

/** Writes the document to `outPath`; `date` stamps the workbook (equal input, equal bytes). */
export async function writeFeedbackXlsx(doc: FeedbackDocument, outPath: string, date: string): Promise<void> {
  await writeFeedback(doc, fileSink(outPath), date, nodeCompressor);
}
