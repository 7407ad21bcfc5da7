/**
 * What the guest is told when the AI agent leaves their message to staff: never silence. In the
 * guest's language when the property has (or the product ships) words for it, else in English.
 */
export const DEFAULT_HANDOVER_MESSAGES: Readonly<Record<string, string>> = {
  en: "I've passed this to our front desk; a colleague will reply shortly.",
  de: 'Ich habe Ihre Nachricht an unsere Rezeption weitergegeben; eine Kollegin oder ein Kollege antwortet Ihnen in Kürze.',
  fr: "J'ai transmis votre message à notre réception ; un collègue vous répondra très prochainement.",
  it: 'Ho inoltrato il suo messaggio alla nostra reception; un collega le risponderà a breve.',
  es: 'He pasado su mensaje a nuestra recepción; un compañero le responderá en breve.',
}

/** The handover message in `language`: the property's own words first, then the product's, then English. */
export function handoverMessage(language: string | null, own: Readonly<Record<string, string>> = {}): string {
  const base = language?.toLowerCase().split('-')[0] ?? 'en'
  return own[base] ?? DEFAULT_HANDOVER_MESSAGES[base] ?? own.en ?? DEFAULT_HANDOVER_MESSAGES.en!
}
