/**
 * How guest names, emails and phones are compared in the list's search: lower case, without
 * diacritics ("Schäfer" is "schafer"), so a receptionist finds a guest however the name is typed.
 */

/** Letters that are not a base letter plus a combining mark, so NFD leaves them whole. */
const SINGLE_LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/** Lower case, diacritics removed (é → e, ä → a, ß → ss): what every query and search text is compared as. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßẞæœøłđðþı]/g, (letter) => SINGLE_LETTERS[letter] ?? letter)
    .normalize('NFC')
}

/** German writes an umlaut as the vowel and an e when it cannot type it: "Schaefer" for "Schäfer". */
function umlautsSpelledOut(text: string): string {
  return text.toLowerCase().replace(/[äöü]/g, (vowel) => ({ ä: 'ae', ö: 'oe', ü: 'ue' })[vowel] ?? vowel)
}

/** The forms of a name the search text holds: folded, and with umlauts spelled out when it has any. */
export function searchForms(text: string): string[] {
  const folded = foldForSearch(text)
  const spelledOut = foldForSearch(umlautsSpelledOut(text))
  return spelledOut === folded ? [folded] : [folded, spelledOut]
}
