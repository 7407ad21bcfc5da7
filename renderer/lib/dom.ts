/** Element ids that let one feature move focus to another's element without importing it. */
export const CONVERSATION_LIST_ID = 'conversation-list'
export const CONVERSATION_SEARCH_ID = 'conversation-search'
export const COMPOSER_ID = 'composer-text'
export const FILTER_BUTTON_ID = 'conversation-filters-button'
export const GUEST_PANEL_ID = 'guest-panel'
export const GUEST_DRAWER_TOGGLE_ID = 'guest-drawer-toggle'

export function focusElement(id: string) {
  document.getElementById(id)?.focus()
}

/** True when a key press belongs to the element the user is typing in, not to a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** True for elements whose own Enter key press means something (a button, a link). */
export function isActivatableTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName)
}

// The list's `z` key opens the chat header's snooze menu (another feature's): a request the menu takes
// when it is shown for that conversation, at once or once the chat has opened.
const SNOOZE_MENU_EVENT = 'frontdesk:snooze-menu'
let snoozeMenuRequest: string | null = null

export function requestSnoozeMenu(conversationId: string) {
  snoozeMenuRequest = conversationId
  window.dispatchEvent(new Event(SNOOZE_MENU_EVENT))
}

/** Whether the snooze menu of `conversationId` was asked for (the request is then taken). */
export function takeSnoozeMenuRequest(conversationId: string): boolean {
  if (snoozeMenuRequest !== conversationId) return false
  snoozeMenuRequest = null
  return true
}

export function onSnoozeMenuRequest(listener: () => void): () => void {
  window.addEventListener(SNOOZE_MENU_EVENT, listener)
  return () => window.removeEventListener(SNOOZE_MENU_EVENT, listener)
}
