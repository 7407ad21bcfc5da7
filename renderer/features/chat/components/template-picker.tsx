import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Template } from '@api-contract'

interface TemplatePickerProps {
  templates: readonly Template[]
  /** What the desk typed after "/" in the composer, as the first search. */
  initialSearch?: string
  onChoose(template: Template): void
  onClose(): void
  /** The label of each template's button: "Use" loads it into the composer, "Send" sends it as it is. */
  action: 'use' | 'send'
}

/** The quick-reply picker: a search over the templates' names, shortcuts and text. */
export function TemplatePicker({ templates, initialSearch = '', onChoose, onClose, action }: TemplatePickerProps) {
  const { t } = useTranslation()
  const [search, setSearch] = useState(initialSearch)
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return needle ? templates.filter((tpl) => `${tpl.name} ${tpl.shortcut} ${tpl.body}`.toLowerCase().includes(needle)) : templates
  }, [templates, search])

  return (
    <div className="template-picker" role="dialog" aria-label={t('templates.picker')}>
      <input
        type="search"
        aria-label={t('templates.search')}
        placeholder={t('templates.search')}
        value={search}
        autoFocus
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose()
          if (event.key === 'Enter' && shown[0]) {
            event.preventDefault()
            onChoose(shown[0])
          }
        }}
      />
      <ul>
        {shown.map((template) => (
          <li key={template.id}>
            <button type="button" onClick={() => onChoose(template)} aria-label={`${t(`templates.${action}`)}: ${template.name}`}>
              <span className="template-name">
                {template.name} <span className="muted">/{template.shortcut}</span>
              </span>
              <span className="template-body">{template.body}</span>
            </button>
          </li>
        ))}
        {!shown.length && <li className="muted">{t('templates.none')}</li>}
      </ul>
    </div>
  )
}
