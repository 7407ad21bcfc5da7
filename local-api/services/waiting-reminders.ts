import type { Store } from '../db/store.js'
import { agentSettingsOf } from './agent-settings.js'
import { agentsOnDuty } from './agents-on-duty.js'
import type { NotificationService } from './notifications.js'

/** How often the desk looks for guests waiting too long. */
const CHECK_MS = 60_000
const RETRY_MS = 30_000
/** A wait older than a day is past the guest's session: no more reminders of it. */
const REMIND_FOR_MS = 24 * 3600_000
const PAGE = 200

/**
 * While a guest waits in a queued or handed-over conversation (open, in the transfer queue or with
 * staff, the guest's message unanswered), staff are reminded every `waitingReminderMinutes` of the
 * property (agent settings): its assignee, else the agents on duty. One timer for the desk reads the
 * waiting conversations through the needs-reply index; each gets at most one reminder per interval.
 */
export function createWaitingReminders(store: Store, notifications: NotificationService, clock: () => number = Date.now) {
  let timer: NodeJS.Timeout | undefined
  let stopped = true

  function schedule(delay: number): void {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => remindWaiting(), delay)
    timer.unref()
  }

  /** Sends the reminders due by now; returns how many conversations were reminded of. */
  function remindWaiting(): number {
    let reminded = 0
    try {
      const now = clock()
      for (const property of store.properties.list()) {
        const minutes = agentSettingsOf(store, property.id).waitingReminderMinutes
        if (minutes === null) continue
        const interval = minutes * 60_000
        const due = store.waitingReminders.due({
          propertyId: property.id,
          since: now - REMIND_FOR_MS,
          waitedBefore: now - interval,
          remindedAfter: now - interval,
          limit: PAGE,
        })
        for (const id of due) {
          const conversation = store.conversations.get(id)
          if (!conversation || conversation.waitingSince === null) continue
          const recipients = conversation.assignedAgentId ? [conversation.assignedAgentId] : agentsOnDuty(store, now)
          // Nobody at the desk: the reminder waits for someone to sign in (the next pass finds it still due).
          if (!recipients.length) continue
          store.waitingReminders.reminded(id, now)
          const who = conversation.guestName ?? conversation.identity?.value ?? 'A guest'
          const waited = Math.max(1, Math.round((now - conversation.waitingSince) / 60_000))
          const text = `${who} has waited ${waited} min for a reply`
          for (const agentId of recipients) notifications.notify(agentId, 'reminder', id, text)
          reminded++
        }
      }
      store.waitingReminders.forgetBefore(now - REMIND_FOR_MS)
    } catch {
      schedule(RETRY_MS)
      return reminded
    }
    schedule(CHECK_MS)
    return reminded
  }

  return {
    remindWaiting,
    start(): void {
      stopped = false
      remindWaiting()
    },
    stop(): void {
      stopped = true
      clearTimeout(timer)
    },
  }
}

export type WaitingReminders = ReturnType<typeof createWaitingReminders>
