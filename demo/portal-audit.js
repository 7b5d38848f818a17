// The host page's audit trail tab: no widget, just the SDK the embed exports, as a host or a third-party app
// would use it. It reads the signed-in person's events page by page, newest first, and branches on the SDK's
// error classes: a role without `audit:read` is told who can read it; anything else says what went wrong.
import { createIntegrationClient, ForbiddenError } from '/mp-integration-kit.js';

const config = JSON.parse(document.getElementById('mp-demo-config').textContent);
const role = document.getElementById('role');
const panel = document.getElementById('panel-audit');
const decryptsOnly = document.getElementById('audit-decrypts-only');
const state = document.getElementById('audit-state');
const scroll = document.getElementById('audit-scroll');
const rows = document.getElementById('audit-rows');
const more = document.getElementById('audit-more');

// The token is read per call, so signing in as someone else needs no new client.
const client = createIntegrationClient({ baseUrl: config.apiUrl, getToken: () => config.tokens[role.value] });
const PAGE_SIZE = 20;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

let cursor = null;
let shown = 0;
let loading = null;

function code(text) {
  const el = document.createElement('code');
  el.textContent = text;
  return el;
}

// Each cell names its column, for the narrow layout where a row stacks and the header row is hidden.
const columns = [...panel.querySelectorAll('thead th')].map((th) => th.textContent);

function addRow(event) {
  const row = rows.insertRow();
  const time = document.createElement('time');
  time.dateTime = event.at;
  time.textContent = when.format(new Date(event.at));
  const cells = [time, event.actor, code(event.action), code(event.target), event.purpose ?? ''];
  cells.forEach((content, i) => {
    const cell = row.insertCell();
    cell.dataset.label = columns[i];
    cell.append(content);
  });
}

/** Loads the first page (`older` false) or the next one; a newer call supersedes one still running. */
async function load(older = false) {
  loading?.abort();
  const call = (loading = new AbortController());
  if (!older) cursor = null;
  more.disabled = true;
  state.textContent = older ? 'Loading older events…' : 'Loading the audit trail…';
  try {
    const page = await client.audit.list(
      { action: decryptsOnly.checked ? 'credential.decrypt' : undefined, limit: PAGE_SIZE, cursor: cursor ?? undefined },
      { signal: call.signal },
    );
    if (!older) {
      rows.replaceChildren();
      shown = 0;
    }
    const firstNew = rows.rows.length;
    page.items.forEach(addRow);
    shown += page.items.length;
    cursor = page.nextCursor;
    scroll.hidden = shown === 0;
    more.hidden = cursor === null;
    // Keyboard users land on what they asked for, not on the page when the button goes away.
    if (older && rows.rows[firstNew]) {
      rows.rows[firstNew].tabIndex = -1;
      rows.rows[firstNew].focus();
    }
    state.textContent = shown === 0 ? 'No events yet.' : `Showing ${shown} of ${page.total} events.`;
  } catch (error) {
    if (call.signal.aborted) return;
    if (!older) {
      rows.replaceChildren();
      scroll.hidden = true;
      more.hidden = true;
    }
    state.textContent =
      error instanceof ForbiddenError
        ? 'Your role cannot read the audit trail. An admin or auditor can.'
        : `The audit trail did not load (${error.message}). Press Refresh to try again.`;
  } finally {
    if (loading === call) {
      loading = null;
      more.disabled = false;
    }
  }
}

// Fresh each time the tab opens: the other tabs add events.
new MutationObserver(() => panel.hidden || load()).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
// After portal.js's own listener, which may keep the previous person signed in.
role.addEventListener('change', () => panel.hidden || load());
decryptsOnly.addEventListener('change', () => load());
document.getElementById('audit-refresh').addEventListener('click', () => load());
more.addEventListener('click', () => load(true));
