import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ServiceRecord } from '@api-contract'
import { QueryFailure } from '@/components/query-failure'
import { useFailureShown } from '@/lib/use-failure-shown'
import { useSaveServiceRecord, useServiceRecord } from '../api/service-record'

/** The conversation's service record: a memo and the property's custom fields, editable. */
export function ServiceRecordSection({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation()
  const record = useServiceRecord(conversationId)
  const failure = useFailureShown(record)
  return (
    <section aria-labelledby="service-record-title">
      <h3 id="service-record-title">{t('guest.serviceRecord')}</h3>
      {failure && <QueryFailure error={failure} onRetry={() => record.refetch()} retrying={record.isFetching} />}
      {record.data && <ServiceRecordForm conversationId={conversationId} record={record.data} />}
    </section>
  )
}

function ServiceRecordForm({ conversationId, record }: { conversationId: string; record: ServiceRecord }) {
  const { t } = useTranslation()
  const save = useSaveServiceRecord(conversationId)
  const [memo, setMemo] = useState(record.memo)
  const [values, setValues] = useState(() => valuesOf(record))
  const [dirty, setDirty] = useState(false)

  // A change made elsewhere (a text call, another desk) shows up unless this form has unsaved edits.
  useEffect(() => {
    if (dirty) return
    // The draft follows the server's record while it is clean, and again once saved (dirty → false):
    // deriving it during render would have to track that transition as well.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMemo(record.memo)
    setValues(valuesOf(record))
  }, [record, dirty])

  function submit(event: FormEvent) {
    event.preventDefault()
    save.mutate({ memo, values: Object.entries(values).map(([id, value]) => ({ id, value })) }, { onSuccess: () => setDirty(false) })
  }

  return (
    <form className="service-record" onSubmit={submit}>
      <label>
        {t('guest.memo')}
        <textarea
          value={memo}
          maxLength={10_000}
          onChange={(event) => {
            setMemo(event.target.value)
            setDirty(true)
          }}
        />
      </label>
      {record.values.map((field) => (
        <label key={field.id}>
          {field.name}
          <input
            value={values[field.id] ?? ''}
            maxLength={2000}
            onChange={(event) => {
              setValues({ ...values, [field.id]: event.target.value })
              setDirty(true)
            }}
          />
        </label>
      ))}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('guest.saving') : t('guest.save')}
        </button>
        {save.isSuccess && !dirty && <span role="status">{t('guest.saved')}</span>}
        {save.isError && (
          <span className="form-error" role="alert">
            {save.error.message}
          </span>
        )}
      </div>
    </form>
  )
}

const valuesOf = (record: ServiceRecord) => Object.fromEntries(record.values.map((field) => [field.id, field.value]))
