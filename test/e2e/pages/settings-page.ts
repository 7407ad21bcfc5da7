import type { Locator, Page } from '@playwright/test'

/** Settings (admins): the property, channel accounts with their webhooks, the own password. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Settings', level: 1 })
  readonly property = (name: string): Locator => this.page.getByRole('form', { name: `Property: ${name}` })
  readonly channelAccount = (name: string): Locator => this.page.getByRole('form', { name, exact: true })
  readonly newChannelAccount = (): Locator => this.page.getByRole('form', { name: 'New channel account' })
  readonly ownPassword = (): Locator => this.page.getByRole('form', { name: 'Your password' })

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await this.heading().waitFor()
  }
}
