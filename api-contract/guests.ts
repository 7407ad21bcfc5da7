import { Type, type Static } from 'typebox'

/** POST /v1/guest-merges/:id/undo */
export const UndoneGuestMergeSchema = Type.Object({
  guestIds: Type.Array(Type.String(), { minItems: 2, maxItems: 2, description: '[the profile kept, the profile restored]' }),
  conversationIds: Type.Array(Type.String(), { description: 'The conversations back on the restored profile.' }),
})
export type UndoneGuestMerge = Static<typeof UndoneGuestMergeSchema>
