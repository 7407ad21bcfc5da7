import { create } from 'zustand'

interface GuestDrawerState {
  open: boolean
  actions: {
    guestDrawerToggled(): void
    guestDrawerClosed(): void
  }
}

/**
 * Whether the guest panel is out, on a window too narrow to show it beside the chat (it is then a
 * drawer, toggled from the chat header). Shared by the chat and the guest panel, which import no
 * feature of each other's.
 */
const useGuestDrawerStore = create<GuestDrawerState>()((set) => ({
  open: false,
  actions: {
    guestDrawerToggled: () => set((state) => ({ open: !state.open })),
    guestDrawerClosed: () => set({ open: false }),
  },
}))

export const useGuestDrawerOpen = () => useGuestDrawerStore((state) => state.open)
export const useGuestDrawerActions = () => useGuestDrawerStore((state) => state.actions)
