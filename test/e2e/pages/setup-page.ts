import type { Page } from '@playwright/test'

/** The first-run screen of a new data dir. */
export class SetupPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Set up this front desk' })

  async fill(input: { property: string; country: string; timeZone: string; name: string; email: string; password: string; sampleData: boolean }) {
    await this.page.getByLabel('Property name').fill(input.property)
    await this.page.getByLabel('Country for phone numbers').selectOption(input.country)
    await this.page.getByLabel('Time zone').selectOption(input.timeZone)
    await this.page.getByLabel('Your name').fill(input.name)
    await this.page.getByLabel('Email').fill(input.email)
    await this.page.getByLabel('Password').fill(input.password)
    await this.page.getByLabel('Load sample data').setChecked(input.sampleData)
  }

  submit() {
    return this.page.getByRole('button', { name: 'Create and sign in' }).click()
  }
}
