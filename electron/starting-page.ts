// What the window shows from the moment it opens until the local API listens (its process opens
// and checks the store first, which takes a while on a big one): the inbox's frame — top bar,
// navigation, the three panes — saying what is happening. Self-contained HTML, no script and
// nothing loaded from anywhere, so it needs neither the API nor the network.

/** The pages every agent has (renderer/app/app.tsx). */
const NAV = ['Inbox', 'Arrivals', 'Leads', 'Statistics'] as const

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page, as HTML. `status` says what the desk waits for. */
export function startingPageHtml(status = 'Opening the inbox…'): string {
  const skeletonRows = Array.from({ length: 8 }, () => '<li><span class="line wide"></span><span class="line"></span></li>').join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<title>Frontdesk Inbox</title>
<style>
:root { --bg: #f0f2f5; --panel: #ffffff; --text: #111b21; --muted: #54656f; --border: #d9dee3; --skeleton: #e9edf1; }
@media (prefers-color-scheme: dark) { :root { --bg: #0b141a; --panel: #111b21; --text: #e9edef; --muted: #8696a0; --border: #2a3942; --skeleton: #202c33; } }
html, body { height: 100%; margin: 0; }
body { font: 14px/1.4 system-ui, sans-serif; background: var(--bg); color: var(--text); display: flex; flex-direction: column; }
header { display: flex; align-items: center; gap: 1rem; padding: 0.5rem 1rem; background: var(--panel); border-bottom: 1px solid var(--border); }
header strong { font-weight: 700; }
nav { display: flex; gap: 0.25rem; color: var(--muted); }
nav span { padding: 0.3rem 0.7rem; }
main { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(300px, 26rem) 1fr minmax(240px, 20rem); }
.list { background: var(--panel); border-right: 1px solid var(--border); margin: 0; padding: 0; list-style: none; overflow: hidden; }
.list li { padding: 0.75rem 1rem; border-bottom: 1px solid var(--border); display: grid; gap: 0.4rem; }
.line { display: block; height: 0.7rem; width: 55%; border-radius: 4px; background: var(--skeleton); }
.line.wide { width: 80%; }
.chat { display: flex; align-items: center; justify-content: center; color: var(--muted); }
.guest { background: var(--panel); border-left: 1px solid var(--border); }
</style>
</head>
<body>
<header><strong>Frontdesk Inbox</strong><nav aria-label="Main">${NAV.map((name) => `<span>${name}</span>`).join('')}</nav></header>
<main aria-busy="true">
<ul class="list" aria-hidden="true">${skeletonRows}</ul>
<p class="chat" role="status">${escapeHtml(status)}</p>
<aside class="guest" aria-hidden="true"></aside>
</main>
</body>
</html>
`
}

/** The page as a URL the window loads before the API has an address. */
export function startingPageUrl(status?: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(startingPageHtml(status))}`
}
