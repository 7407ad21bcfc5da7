import { create } from 'zustand'

/** What the composer writes: a reply to the guest, or an internal note for colleagues. */
export type ComposerMode = 'reply' | 'note'

interface ComposerState {
  /** Unsent reply text per conversation, kept while the desk looks elsewhere. */
  drafts: Record<string, string>
  /** Unsent note text per conversation. */
  noteDrafts: Record<string, string>
  /** Reply or note, per conversation (reply unless chosen). */
  modes: Record<string, ComposerMode>
  actions: {
    draftTyped(conversationId: string, text: string): void
    replySent(conversationId: string): void
    noteTyped(conversationId: string, text: string): void
    noteSaved(conversationId: string): void
    modeChosen(conversationId: string, mode: ComposerMode): void
  }
}

const without = (record: Record<string, string>, key: string) => {
  const { [key]: _removed, ...rest } = record
  return rest
}

const useComposerStore = create<ComposerState>()((set) => ({
  drafts: {},
  noteDrafts: {},
  modes: {},
  actions: {
    draftTyped: (conversationId, text) => set((state) => ({ drafts: { ...state.drafts, [conversationId]: text } })),
    replySent: (conversationId) => set((state) => ({ drafts: without(state.drafts, conversationId) })),
    noteTyped: (conversationId, text) => set((state) => ({ noteDrafts: { ...state.noteDrafts, [conversationId]: text } })),
    noteSaved: (conversationId) => set((state) => ({ noteDrafts: without(state.noteDrafts, conversationId) })),
    modeChosen: (conversationId, mode) => set((state) => ({ modes: { ...state.modes, [conversationId]: mode } })),
  },
}))

export const useDraft = (conversationId: string) => useComposerStore((state) => state.drafts[conversationId] ?? '')
export const useNoteDraft = (conversationId: string) => useComposerStore((state) => state.noteDrafts[conversationId] ?? '')
export const useComposerMode = (conversationId: string) => useComposerStore((state) => state.modes[conversationId] ?? 'reply')
export const useComposerActions = () => useComposerStore((state) => state.actions)
