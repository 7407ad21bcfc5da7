import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgentRole, ListedAgent, MinPasswordLength } from '@api-contract'
import { useAgents } from '@/queries/agents'
import { messageTime } from '@/lib/relative-time'
import { useNow } from '@/lib/use-now'
import { QueryFailureOf } from '@/components/query-failure'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { useAddAgent, useUnlockAgent, useUpdateAgent } from '../api/agents'

/** The server's policy decides; this only saves a round trip (the type keeps it the contract's length). */
const MIN_PASSWORD: MinPasswordLength = 10

/** Admins manage who signs in: add agents, change roles, deactivate and reactivate. */
export function AgentsScreen({ currentAgentId }: { currentAgentId: string }) {
  const { t } = useTranslation()
  const agents = useAgents()
  const update = useUpdateAgent()
  const unlock = useUnlockAgent()

  return (
    <main className="page" aria-labelledby="agents-title">
      <h1 id="agents-title">{t('agents.title')}</h1>
      <p className="muted">{t('agents.intro')}</p>
      <QueryFailureOf queries={[agents]} />
      {update.isError && (
        <p className="form-error" role="alert">
          {update.error.message}
        </p>
      )}
      {unlock.isError && (
        <p className="form-error" role="alert">
          {unlock.error.message}
        </p>
      )}
      <table className="agents">
        <thead>
          <tr>
            <th scope="col">{t('agents.name')}</th>
            <th scope="col">{t('agents.email')}</th>
            <th scope="col">{t('agents.role')}</th>
            <th scope="col">{t('agents.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('agents.status')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(agents.data ?? []).map((agent) => (
            <AgentRow
              key={agent.id}
              agent={agent}
              isYou={agent.id === currentAgentId}
              onChange={(changes) => update.mutate({ id: agent.id, ...changes })}
              onUnlock={() => unlock.mutate(agent.id)}
            />
          ))}
        </tbody>
      </table>
      <AddAgentForm />
    </main>
  )
}

function AgentRow({
  agent,
  isYou,
  onChange,
  onUnlock,
}: {
  agent: ListedAgent
  isYou: boolean
  onChange: (changes: { name?: string; role?: AgentRole; active?: boolean }) => void
  onUnlock: () => void
}) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const [renaming, setRenaming] = useState<string | null>(null)
  const [confirmingDeactivation, setConfirmingDeactivation] = useState(false)
  const [resettingPassword, setResettingPassword] = useState(false)
  const [passwordWasReset, setPasswordWasReset] = useState(false)
  return (
    <tr className={agent.active ? undefined : 'inactive'}>
      <td>
        {renaming === null ? (
          <>
            {agent.name} {isYou && <span className="muted">{t('agents.you')}</span>}
          </>
        ) : (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault()
              if (renaming.trim()) onChange({ name: renaming.trim() })
              setRenaming(null)
            }}
          >
            <input aria-label={t('agents.newName', { name: agent.name })} value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus required />
            <button type="submit" className="button">
              {t('agents.save')}
            </button>
          </form>
        )}
      </td>
      <td>{agent.email}</td>
      <td>{t(`agents.${agent.role}`)}</td>
      <td>
        {agent.active ? t('agents.active') : t('agents.inactive')}
        {agent.lockedUntil && <div className="locked">{t('agents.lockedUntil', { time: messageTime(agent.lockedUntil, now, i18n.language) })}</div>}
        {!agent.lockedUntil && agent.failedSignIns ? <div className="muted">{t('agents.failedSignIns', { count: agent.failedSignIns })}</div> : null}
      </td>
      <td>
        <div className="row-actions">
          {agent.lockedUntil && (
            <button type="button" className="button" onClick={onUnlock} aria-label={t('agents.unlockNamed', { name: agent.name })}>
              {t('agents.unlock')}
            </button>
          )}
          {renaming === null && (
            <button type="button" className="button" onClick={() => setRenaming(agent.name)}>
              {t('agents.rename')}
            </button>
          )}
          <button type="button" className="button" onClick={() => onChange({ role: agent.role === 'admin' ? 'agent' : 'admin' })}>
            {agent.role === 'admin' ? t('agents.makeAgent') : t('agents.makeAdmin')}
          </button>
          {!isYou && (
            <button
              type="button"
              className="button"
              onClick={() => setResettingPassword(true)}
              aria-label={t('agentsAdmin.resetPasswordNamed', { name: agent.name })}
            >
              {t('agentsAdmin.resetPassword')}
            </button>
          )}
          {!isYou && (
            <button
              type="button"
              className="button"
              onClick={() => (agent.active ? setConfirmingDeactivation(true) : onChange({ active: true }))}
              aria-label={agent.active ? t('agentsAdmin.deactivateNamed', { name: agent.name }) : undefined}
            >
              {agent.active ? t('agents.deactivate') : t('agents.reactivate')}
            </button>
          )}
        </div>
        {resettingPassword && (
          <ResetPasswordForm
            agent={agent}
            onDone={(reset) => {
              setResettingPassword(false)
              setPasswordWasReset(reset)
            }}
          />
        )}
        {passwordWasReset && <p role="status">{t('agentsAdmin.passwordSet', { name: agent.name })}</p>}
        {confirmingDeactivation && (
          <ConfirmDialog
            title={t('agentsAdmin.confirmDeactivateTitle', { name: agent.name })}
            message={t('agentsAdmin.confirmDeactivate', { name: agent.name })}
            confirmLabel={t('agents.deactivate')}
            cancelLabel={t('agentsAdmin.cancel')}
            onConfirm={() => {
              setConfirmingDeactivation(false)
              onChange({ active: false })
            }}
            onCancel={() => setConfirmingDeactivation(false)}
          />
        )}
      </td>
    </tr>
  )
}

/** An admin sets a new password for another agent (who forgot theirs); their sessions end. */
function ResetPasswordForm({ agent, onDone }: { agent: ListedAgent; onDone: (reset: boolean) => void }) {
  const { t } = useTranslation()
  const update = useUpdateAgent()
  const [password, setPassword] = useState('')
  return (
    <form
      className="inline-form reset-password"
      onSubmit={(event) => {
        event.preventDefault()
        update.mutate({ id: agent.id, password }, { onSuccess: () => onDone(true) })
      }}
    >
      <label>
        {t('agentsAdmin.newPasswordFor', { name: agent.name })}
        <input
          type="password"
          required
          minLength={MIN_PASSWORD}
          autoComplete="new-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" className="button primary" disabled={update.isPending}>
        {t('agentsAdmin.setPassword')}
      </button>
      <button type="button" className="button" onClick={() => onDone(false)}>
        {t('agentsAdmin.cancel')}
      </button>
      {update.isError && (
        <p className="form-error" role="alert">
          {update.error.message}
        </p>
      )}
    </form>
  )
}

function AddAgentForm() {
  const { t } = useTranslation()
  const add = useAddAgent()
  const [form, setForm] = useState({ name: '', email: '', password: '', role: 'agent' as AgentRole })
  const [added, setAdded] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    setAdded(null)
    add.mutate(form, {
      onSuccess: (agent) => {
        setAdded(agent.name)
        setForm({ name: '', email: '', password: '', role: 'agent' })
      },
    })
  }

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="add-agent-title">
      <h2 id="add-agent-title">{t('agents.add')}</h2>
      <label>
        {t('agents.name')}
        <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoComplete="off" />
      </label>
      <label>
        {t('agents.email')}
        <input required type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="off" />
      </label>
      <label>
        {t('agents.password')}
        <input
          required
          type="password"
          minLength={MIN_PASSWORD}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          autoComplete="new-password"
        />
      </label>
      <label>
        {t('agents.role')}
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as AgentRole })}>
          <option value="agent">{t('agents.agent')}</option>
          <option value="admin">{t('agents.admin')}</option>
        </select>
      </label>
      <button type="submit" className="button primary" disabled={add.isPending}>
        {add.isPending ? t('agents.adding') : t('agents.add')}
      </button>
      {add.isError && (
        <p className="form-error" role="alert">
          {add.error.message}
        </p>
      )}
      {added && <p role="status">{t('agents.added', { name: added })}</p>}
    </form>
  )
}
