import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Property } from '@api-contract'
import { useProperties } from '@/queries/properties'
import { useSaveReplyTargets } from '../api/reply-targets'
import { SaveRow } from '@/components/save-row'

/** Per property: after how many minutes a guest's wait turns amber, and red, in the inbox. */
export function ReplyTargetsSection() {
  const { t } = useTranslation()
  const properties = useProperties().data ?? []
  if (!properties.length) return null
  return (
    <section className="card" aria-labelledby="reply-targets-title">
      <h2 id="reply-targets-title">{t('replyTargets.title')}</h2>
      <p className="muted">{t('replyTargets.intro')}</p>
      {properties.map((property) => (
        <ReplyTargetsForm key={property.id} property={property} titled={properties.length > 1} />
      ))}
    </section>
  )
}

function ReplyTargetsForm({ property, titled }: { property: Property; titled: boolean }) {
  const { t } = useTranslation()
  const [warn, setWarn] = useState(String(property.replyTargets.warnMinutes))
  const [late, setLate] = useState(String(property.replyTargets.lateMinutes))
  const save = useSaveReplyTargets(property.id)
  function submit(event: FormEvent) {
    event.preventDefault()
    save.mutate({ warnMinutes: Number(warn), lateMinutes: Number(late) })
  }
  return (
    <form className="form-grid reply-targets" aria-label={titled ? `${t('replyTargets.title')}: ${property.name}` : t('replyTargets.title')} onSubmit={submit}>
      {titled && <h3 className="wide">{property.name}</h3>}
      <label>
        {t('replyTargets.warn')}
        <input type="number" min={1} max={1440} step={1} required value={warn} onChange={(event) => setWarn(event.target.value)} />
      </label>
      <label>
        {t('replyTargets.late')}
        <input type="number" min={Number(warn) || 1} max={1440} step={1} required value={late} onChange={(event) => setLate(event.target.value)} />
      </label>
      <SaveRow saving={save} label={t('replyTargets.save')} savedLabel={t('replyTargets.saved')} primary={false} wide={false} />
    </form>
  )
}
