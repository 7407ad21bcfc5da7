/**
 * How well the guest language is told offline (local-api/domain/guest-language.ts), on a labelled
 * set of guest messages in 23 languages and 15 that tell none (test/eval/guest-languages.json):
 *   npm run eval:languages
 * Prints coverage (labelled messages given a language), accuracy (of those given one, right), the
 * language-less texts wrongly given one, and each language's figures.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { guestLanguageOf } from '../../local-api/domain/guest-language.js'
import { loadLanguageModel } from '../../local-api/domain/retrieval/languages.js'

export interface LabelledText {
  text: string
  language: string | null
}

export interface LanguageFigures {
  labelled: number
  told: number
  right: number
  /** Texts labelled null (no language can be told) that were given one. */
  noneTold: number
  none: number
  byLanguage: Map<string, { labelled: number; told: number; right: number }>
  misses: { text: string; want: string | null; got: string | null }[]
}

export const loadGuestLanguageSet = (): LabelledText[] => JSON.parse(readFileSync(new URL('./guest-languages.json', import.meta.url), 'utf8')) as LabelledText[]

export async function evaluateGuestLanguages(set: readonly LabelledText[] = loadGuestLanguageSet()): Promise<LanguageFigures> {
  await loadLanguageModel()
  const figures: LanguageFigures = { labelled: 0, told: 0, right: 0, noneTold: 0, none: 0, byLanguage: new Map(), misses: [] }
  for (const { text, language } of set) {
    const got = guestLanguageOf(text)
    if (language === null) {
      figures.none++
      if (got !== null) {
        figures.noneTold++
        figures.misses.push({ text, want: null, got })
      }
      continue
    }
    const per = figures.byLanguage.get(language) ?? { labelled: 0, told: 0, right: 0 }
    figures.byLanguage.set(language, per)
    figures.labelled++
    per.labelled++
    if (got === null) {
      figures.misses.push({ text, want: language, got })
      continue
    }
    figures.told++
    per.told++
    if (got === language) {
      figures.right++
      per.right++
    } else figures.misses.push({ text, want: language, got })
  }
  return figures
}

const pct = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)} %` : '–')

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await evaluateGuestLanguages()
  console.log(`guest language, ${figures.labelled} labelled messages in ${figures.byLanguage.size} languages, ${figures.none} that tell none`)
  console.log(`  coverage (given a language):   ${pct(figures.told, figures.labelled)} (${figures.told} of ${figures.labelled})`)
  console.log(`  accuracy (of those given one): ${pct(figures.right, figures.told)} (${figures.right} of ${figures.told})`)
  console.log(`  right overall:                 ${pct(figures.right, figures.labelled)}`)
  console.log(`  language-less texts given one: ${figures.noneTold} of ${figures.none}`)
  console.log('  by language (labelled, coverage, accuracy):')
  for (const [language, per] of [...figures.byLanguage].sort((a, b) => b[1].labelled - a[1].labelled)) {
    console.log(
      `    ${language.padEnd(3)} ${String(per.labelled).padStart(3)}  ${pct(per.told, per.labelled).padStart(8)}  ${pct(per.right, per.told).padStart(8)}`,
    )
  }
  console.log('  misses:')
  for (const miss of figures.misses) console.log(`    ${String(miss.want).padEnd(4)} → ${String(miss.got).padEnd(4)} ${miss.text.slice(0, 90)}`)
}
