// snowball-stemmers ships no types: the two functions this code uses.
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string
  }
  /** A stemmer for an algorithm name of algorithms() ('english', 'german', 'french', 'italian', 'spanish', …). */
  export function newStemmer(algorithm: string): Stemmer
  export function algorithms(): string[]
}
