/** What answerIn reads of a knowledge entry. */
interface Answers {
  answer: string
  language: string
  answers: Readonly<Record<string, string>>
}

/**
 * The entry's answer in the guest's language when it has one, else in the entry's own language (the
 * property's): a guest is never answered with a machine's guess at a translation.
 */
export function answerIn(entry: Answers, language: string | null): string {
  const base = language?.toLowerCase().split('-')[0]
  return (base && base !== entry.language ? entry.answers[base] : undefined) ?? entry.answer
}
