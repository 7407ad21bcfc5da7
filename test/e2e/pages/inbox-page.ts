import type { Locator, Page } from '@playwright/test'

/** The two-panel inbox (plus the guest panel): what a test reads and clicks, by role and label. */
export class InboxPage {
  constructor(readonly page: Page) {}

  goto(url: string) {
    return this.page.goto(url)
  }

  // The conversation list
  readonly list = () => this.page.getByRole('list', { name: 'Conversations' })
  readonly rows = () => this.list().locator('.conversation-row')
  readonly row = (text: string | RegExp) => this.rows().filter({ hasText: text })
  readonly highlightedRow = () => this.list().locator('.conversation-row.highlighted')
  readonly selectedRow = () => this.list().locator('.conversation-row[aria-current="page"]')
  readonly search = () => this.page.getByRole('searchbox', { name: 'Search by guest name, email or phone' })

  /** The names (or identifiers) of the rows shown, top to bottom. */
  async rowLabels(): Promise<string[]> {
    return this.list().locator('.row-name').allInnerTexts()
  }

  /** The list's views above the rows: Needs reply (the default), Open, Snoozed, Resolved, All. */
  readonly views = () => this.page.getByRole('group', { name: 'View' })
  readonly viewButton = (name: 'Needs reply' | 'Open' | 'Snoozed' | 'Resolved' | 'All') => this.views().getByRole('button', { name: new RegExp(`^${name}\\b`) })
  view(name: 'Needs reply' | 'Open' | 'Snoozed' | 'Resolved' | 'All') {
    return this.viewButton(name).click()
  }

  // The compact filter bar: the search, the Filters button and its popover, the active-filter chips
  readonly filtersButton = () => this.page.getByRole('button', { name: /^Filters/ })
  readonly filtersPopover = () => this.page.getByRole('dialog', { name: 'Filters' })
  readonly filterChips = () => this.page.getByRole('list', { name: 'Active filters' }).locator('.filter-chip')
  /** The chip of a filter that is set, by what it says ("WhatsApp"); its accessible name is "Remove filter …". */
  readonly filterChip = (text: string) => this.filterChips().filter({ hasText: text })

  async openFilters() {
    if ((await this.filtersButton().getAttribute('aria-expanded')) !== 'true') await this.filtersButton().click()
    return this.filtersPopover()
  }
  async closeFilters() {
    if ((await this.filtersButton().getAttribute('aria-expanded')) === 'true') await this.filtersButton().click()
  }
  /**
   * Sets one filter in the popover, opening it if needed and leaving it open for the next one, as a
   * person sets several; `closeFilters()` before clicking a row it covers.
   */
  private async inFilters(set: (popover: Locator) => Promise<unknown>) {
    await set(await this.openFilters())
  }

  channel(name: 'All' | 'Web Chat' | 'Phone' | 'WhatsApp' | 'Facebook' | 'Instagram') {
    return this.inFilters((popover) => popover.getByRole('group', { name: 'Channel' }).getByRole('button', { name, exact: true }).click())
  }
  status(label: 'All' | 'Active' | 'Expired' | 'With captured lead') {
    return this.inFilters((popover) => popover.getByRole('combobox', { name: 'Status' }).selectOption({ label }))
  }
  date(label: 'Any time' | 'Today' | 'This week' | 'This month' | 'Custom range') {
    return this.inFilters((popover) => popover.getByRole('combobox', { name: 'Date' }).selectOption({ label }))
  }
  property(label: string) {
    return this.inFilters((popover) => popover.getByRole('combobox', { name: 'Property' }).selectOption({ label }))
  }
  department(label: string) {
    return this.inFilters((popover) => popover.getByRole('combobox', { name: 'Department' }).selectOption({ label }))
  }
  assigned(label: 'Anyone' | 'Mine' | 'Queue') {
    return this.inFilters((popover) => popover.getByRole('combobox', { name: 'Assigned', exact: true }).selectOption({ label }))
  }
  type(label: 'Any type' | 'Booking' | 'Lead' | 'FAQ' | 'Mixed') {
    return this.inFilters((popover) => popover.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label }))
  }
  guestLanguage(label: string) {
    return this.inFilters((popover) => popover.getByRole('combobox', { name: 'Guest language' }).selectOption({ label }))
  }
  searchInMessages(on = true) {
    return this.inFilters((popover) => popover.getByRole('checkbox', { name: 'Search in messages' }).setChecked(on))
  }
  customRange(from: string, to: string) {
    return this.inFilters(async (popover) => {
      await popover.getByLabel('From', { exact: true }).fill(from)
      await popover.getByLabel('To', { exact: true }).fill(to)
    })
  }

  // The chat
  readonly chat = () => this.page.locator('.chat-panel')
  readonly chatTitle = () => this.page.locator('#chat-title')
  readonly history = () => this.page.getByRole('log', { name: 'Messages' })
  readonly bubbles = () => this.history().locator('.bubble')
  readonly sessionDividers = () => this.history().getByRole('separator')
  readonly composer = () => this.page.getByRole('textbox', { name: 'Reply' })

  /** The texts of the chat's messages in the page (only those near the view: it is virtualised), oldest first (newest first in the DOM). */
  async messageTexts(): Promise<string[]> {
    return (await this.bubbles().locator('.bubble-text').allInnerTexts()).reverse()
  }

  /**
   * Scrolls the chat up a screen a frame, as a reader flicking back would, until its beginning is
   * in view; returns the most bubbles the page held on the way.
   */
  async scrollHistoryToBeginning(): Promise<number> {
    let most = 0
    for (let screens = 0; screens < 5_000; screens++) {
      const step = await this.history().evaluate(async (history) => {
        history.scrollBy(0, -history.clientHeight)
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        return {
          bubbles: history.querySelectorAll('.bubble').length,
          atBeginning: history.scrollTop === 0 && (history.textContent ?? '').includes('This is the beginning of the conversation.'),
        }
      })
      most = Math.max(most, step.bubbles)
      if (step.atBeginning) return most
    }
    throw new Error('the chat never reached its beginning')
  }

  async reply(text: string) {
    await this.composer().fill(text)
    await this.composer().press('Enter')
  }

  // The guest side panel
  readonly guestPanel = (): Locator => this.page.getByRole('complementary', { name: 'Guest' })
}
