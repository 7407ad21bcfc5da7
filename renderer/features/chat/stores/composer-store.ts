import { create } from 'zustand'

interface ComposerState {
  /** Unsent reply text per conversation, kept while the desk looks elsewhere. */
  drafts: Record<string, string>
  actions: {
    draftTyped(conversationId: string, text: string): void
    replySent(conversationId: string): void
  }
}

const useComposerStore = create<ComposerState>()((set) => ({
  drafts: {},
  actions: {
    draftTyped: (conversationId, text) => set((state) => ({ drafts: { ...state.drafts, [conversationId]: text } })),
    replySent: (conversationId) =>
      set((state) => {
        const { [conversationId]: _sent, ...drafts } = state.drafts
        return { drafts }
      }),
  },
}))

export const useDraft = (conversationId: string) => useComposerStore((state) => state.drafts[conversationId] ?? '')
export const useComposerActions = () => useComposerStore((state) => state.actions)
