import { create } from 'zustand'
import { persist } from 'zustand/middleware'

interface NotificationSoundState {
  /** Agents who turned the notification sound off on this computer (it is on by default). */
  mutedAgents: Record<string, true>
  actions: {
    soundTurnedOff(agentId: string): void
    soundTurnedOn(agentId: string): void
  }
}

// Agents have no server-side preferences: the choice is remembered per agent in this browser's storage.
const useNotificationSoundStore = create<NotificationSoundState>()(
  persist(
    (set) => ({
      mutedAgents: {},
      actions: {
        soundTurnedOff: (agentId) => set((state) => ({ mutedAgents: { ...state.mutedAgents, [agentId]: true } })),
        soundTurnedOn: (agentId) =>
          set((state) => {
            const { [agentId]: _muted, ...mutedAgents } = state.mutedAgents
            return { mutedAgents }
          }),
      },
    }),
    { name: 'frontdesk.notification-sound', partialize: (state) => ({ mutedAgents: state.mutedAgents }) },
  ),
)

export const useNotificationSoundOn = (agentId: string) => useNotificationSoundStore((state) => !state.mutedAgents[agentId])
export const useNotificationSoundActions = () => useNotificationSoundStore((state) => state.actions)
