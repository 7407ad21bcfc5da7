import type { TemplateInput } from '../templates.js'

/** The quick replies of a new desk's sample data: what a front desk writes every day, in the guests' languages. */
export const SAMPLE_TEMPLATES: readonly Omit<TemplateInput, 'propertyId'>[] = [
  {
    name: 'Welcome',
    shortcut: 'welcome',
    body: 'Hello {{guest.firstName|}}, thank you for your message! How can we help you with your stay at {{property.name}}?',
  },
  {
    name: 'Willkommen',
    shortcut: 'willkommen',
    language: 'de',
    body: 'Guten Tag {{guest.firstName|}}, vielen Dank für Ihre Nachricht! Wie können wir Ihnen bei Ihrem Aufenthalt im {{property.name}} helfen?',
  },
  {
    name: 'Bienvenue',
    shortcut: 'bienvenue',
    language: 'fr',
    body: 'Bonjour {{guest.firstName|}}, merci pour votre message ! Comment pouvons-nous vous aider pour votre séjour au {{property.name}} ?',
  },
  {
    name: 'Benvenuto',
    shortcut: 'benvenuto',
    language: 'it',
    body: 'Buongiorno {{guest.firstName|}}, grazie per il suo messaggio! Come possiamo aiutarla per il suo soggiorno al {{property.name}}?',
  },
  {
    name: 'Bienvenida',
    shortcut: 'bienvenida',
    language: 'es',
    body: 'Hola {{guest.firstName|}}, ¡gracias por su mensaje! ¿En qué podemos ayudarle durante su estancia en {{property.name}}?',
  },
  {
    name: 'Your reservation',
    shortcut: 'booking',
    body: 'Your reservation {{reservation.confirmationNumber}}: arrival {{reservation.arrival}}, departure {{reservation.departure}}. We look forward to welcoming you!',
  },
  { name: 'Checking', shortcut: 'checking', body: "Thank you, {{guest.firstName|}}. I'm checking this for you and will get back to you within a few minutes." },
  {
    name: 'Room ready',
    shortcut: 'ready',
    body: 'Good news {{guest.firstName|}}: your room is ready. You can pick up your key at reception whenever you like.',
  },
  { name: 'Taxi booked', shortcut: 'taxi', body: 'Your taxi is booked and will be waiting at the main entrance at the time you asked for.' },
  {
    name: 'Thanks and goodbye',
    shortcut: 'bye',
    body: 'Thank you for staying at {{property.name}}, {{guest.firstName|}}. We wish you a safe journey and hope to see you again soon!',
  },
]
