import { Type, type Static } from 'typebox'
import { IsoDateTime } from './common.js'

/** A contact the guest wrote (in text or a contact card): a suggestion staff link or dismiss, never an identity. */
export const ContactSuggestionSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['email', 'phone']),
  value: Type.String({ description: 'As the guest wrote it, normalised (E.164 phone, lower-case email).' }),
  status: Type.Enum(['new', 'linked', 'dismissed'], {
    description: "linked: the value is a verified identity of this conversation's profile (back to new when the link's merge is undone).",
  }),
  matchedGuest: Type.Union(
    [
      Type.Object({
        id: Type.String(),
        name: Type.Union([Type.String(), Type.Null()]),
        confirmationNumbers: Type.Array(Type.String(), { description: "This property's reservations of that profile (with reservation.read)." }),
      }),
      Type.Null(),
    ],
    { description: 'Another profile that holds this value as a verified identity. For staff only: never shown to the guest or the AI agent.' },
  ),
  otherConversation: Type.Boolean({
    description: 'The value is the address another conversation comes from, on no profile yet: a link joins that conversation too (an undoable merge).',
  }),
  foundAt: IsoDateTime,
})
export type ContactSuggestion = Static<typeof ContactSuggestionSchema>

/** POST /v1/conversations/:id/suggestions/:suggestionId/link (or /dismiss) */
export const SuggestionDecisionSchema = Type.Object({
  suggestion: ContactSuggestionSchema,
  mergeId: Type.Union([Type.String(), Type.Null()], {
    description: 'The guest merge the link made (undo: POST /v1/guest-merges/:id/undo); null when the value was added to the profile.',
  }),
  guestId: Type.Union([Type.String(), Type.Null()], { description: "The conversation's profile now." }),
})
export type SuggestionDecision = Static<typeof SuggestionDecisionSchema>
