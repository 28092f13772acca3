/**
 * The feedback writer (feedbackFiles.ts: the engine's documents + the streaming xlsx writer) is
 * needed only when the planner asks for feedback files, so it is loaded on demand in its own chunk
 * and the initial task pane stays small (as lazyXlsx.ts).
 */
export type FeedbackModule = typeof import('./feedbackFiles');

export const loadFeedbackFiles = (): Promise<FeedbackModule> => import('./feedbackFiles');
