/** Issue 18, item 9: SIGINT and SIGTERM stop the run with a word, not silently. */
import { interruptedMessage, onInterrupt } from '../../src/cli/main';

afterEach(() => {
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  jest.useRealTimers();
});

test.each([
  ['SIGINT', 130, 'id', 'Dihentikan (SIGINT); berkas yang sedang ditulis dibuang'],
  ['SIGTERM', 143, 'en', 'Stopped (SIGTERM); files being written were discarded'],
] as const)('%s: says why it stopped, in --lang, then exits %i', (signal, code, lang, words) => {
  jest.useFakeTimers();
  const written: string[] = [];
  const exits: number[] = [];
  onInterrupt(
    lang,
    (t) => written.push(t),
    (c) => exits.push(c),
  );
  process.emit(signal, signal);
  expect(written.join('')).toContain(words);
  jest.advanceTimersByTime(500);
  expect(exits).toEqual([code]);
});

test('the message names the signal in both languages', () => {
  expect(interruptedMessage('SIGINT', 'id')).toMatch(/^\nDihentikan \(SIGINT\)/);
  expect(interruptedMessage('SIGINT', 'en')).toMatch(/^\nStopped \(SIGINT\)/);
});
