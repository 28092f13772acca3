/**
 * The English of the status words a file or an OPD gets (`Rekap OPD`'s Status, the feedback
 * workbook, the command line's table and summary lines): one home, so that one status reads the
 * same everywhere (`Perlu Perbaikan` is "Needs fixing" on the terminal and in every workbook).
 * The Indonesian words are the spec's (docs/spec/consolidation.md) and the keys here.
 */
export const STATUS_WORDS_EN: Readonly<Record<string, string>> = {
  Siap: 'Ready',
  'Perlu Perbaikan': 'Needs fixing',
  'Belum Mengirim': 'Not submitted',
  'Tidak Terbaca': 'Unreadable',
  Diganti: 'Superseded',
  Konflik: 'Conflict',
  'Berkas Tidak Dihitung': 'Files not counted',
  'Tahun Lain': 'Another year',
  'Tahun Kosong': 'No year',
  'Berkas Konflik': 'File in conflict',
  'OPD Tidak Dikenal': 'Unknown agency',
};

/** A status word in `lang`: the Indonesian word itself, or its English (the word unchanged when it has none). */
export function statusWord(word: string, lang: 'id' | 'en'): string {
  return lang === 'en'
    ? Object.prototype.hasOwnProperty.call(STATUS_WORDS_EN, word)
      ? STATUS_WORDS_EN[word]
      : word
    : word;
}
