import { useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Property } from '@api-contract'
import { useProperties } from '@/queries/properties'
import { useUpdateProperty } from '../api/property'
import { SaveRow } from '@/components/save-row'

/** Admins edit each property: its name, the country its phone numbers are read in, its time zone. */
export function PropertySection() {
  const properties = useProperties()
  return (
    <>
      {(properties.data ?? []).map((property) => (
        <PropertyForm key={`${property.id}:${property.name}:${property.defaultCountry}:${property.timeZone}`} property={property} />
      ))}
    </>
  )
}

function PropertyForm({ property }: { property: Property }) {
  const { t } = useTranslation()
  const titleId = useId()
  const zonesId = useId()
  const save = useUpdateProperty(property.id)
  const [name, setName] = useState(property.name)
  const [country, setCountry] = useState(property.defaultCountry)
  const [timeZone, setTimeZone] = useState(property.timeZone)
  // The browser's own list of IANA zones, offered as suggestions; the server checks what is sent.
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), [])

  function submit(event: FormEvent) {
    event.preventDefault()
    save.mutate({ name: name.trim(), defaultCountry: country.trim().toUpperCase(), timeZone: timeZone.trim() })
  }
  return (
    <form className="card form-grid" aria-labelledby={titleId} onSubmit={submit}>
      <h2 className="wide" id={titleId}>
        {t('settingsAdmin.property.title', { name: property.name })}
      </h2>
      <p className="muted wide">{t('settingsAdmin.property.intro')}</p>
      <label>
        {t('settingsAdmin.property.name')}
        <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('settingsAdmin.property.country')}
        <input
          required
          minLength={2}
          maxLength={2}
          pattern="[A-Za-z]{2}"
          title={t('settingsAdmin.property.countryHint')}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
        />
      </label>
      <label>
        {t('settingsAdmin.property.timeZone')}
        <input required maxLength={100} list={zonesId} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        <datalist id={zonesId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </label>
      <SaveRow saving={save} label={t('settingsAdmin.property.save')} savedLabel={t('settings.saved')} />
    </form>
  )
}
