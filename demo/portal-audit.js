// The host page's audit trail tab: no widget, just the SDK the embed exports, as a host or a third-party app
// would use it. It reads the signed-in person's events page by page through `client.audit.pages`, newest
// first, and branches on the SDK's error classes: a role without `audit:read` is told who can read it;
// anything else says what went wrong.
import { createIntegrationClient, ForbiddenError } from '/mp-integration-kit.js';

const config = JSON.parse(document.getElementById('mp-demo-config').textContent);
const role = document.getElementById('role');
const panel = document.getElementById('panel-audit');
const decryptsOnly = document.getElementById('audit-decrypts-only');
const state = document.getElementById('audit-state');
const scroll = document.getElementById('audit-scroll');
const rows = document.getElementById('audit-rows');
const more = document.getElementById('audit-more');
const tools = panel.querySelector('.audit-tools');

// The token is read per call, so signing in as someone else needs no new client.
const client = createIntegrationClient({ baseUrl: config.apiUrl, getToken: () => config.tokens[role.value] });
const PAGE_SIZE = 20;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

// The SDK's iterator over the pages of the list on screen, and the signal that ends it when another list replaces it.
let pages = null;
let reading = null;

// An action or target breaks only after a dot or a slash (settings/crm/credentials/apiKey), not mid-word.
function code(text) {
  const el = document.createElement('code');
  for (const part of text.split(/(?<=[./])/)) el.append(part, document.createElement('wbr'));
  el.lastChild.remove();
  return el;
}

// An endpoint is named as it was called then (it may be gone since), over the id it is found by.
function target(event) {
  if (event.targetName === null) return code(event.target);
  const name = document.createElement('span');
  name.className = 'audit-target-name';
  name.textContent = event.targetName;
  const cell = document.createDocumentFragment();
  cell.append(name, code(event.target));
  return cell;
}

// Each cell names its column, for the narrow layout where a row stacks and the header row is hidden.
const columns = [...panel.querySelectorAll('thead th')].map((th) => th.textContent);

function addRow(event) {
  const row = rows.insertRow();
  const time = document.createElement('time');
  time.dateTime = event.at;
  time.textContent = when.format(new Date(event.at));
  const cells = [time, event.actor, code(event.action), target(event), event.purpose ?? ''];
  cells.forEach((content, i) => {
    const cell = row.insertCell();
    cell.dataset.label = columns[i];
    // Left empty (no purpose but for decrypts), so the narrow layout can drop its label too.
    if (content !== '') cell.append(content);
  });
}

/** Shows the list's first page, as filtered now (`older` false), or adds its next one. */
async function load(older = false) {
  if (!older) {
    reading?.abort();
    reading = new AbortController();
    const action = decryptsOnly.checked ? 'credential.decrypt' : undefined;
    pages = client.audit.pages({ action, limit: PAGE_SIZE }, { signal: reading.signal });
  }
  const call = reading;
  more.disabled = true;
  state.textContent = older ? 'Loading older events…' : 'Loading the audit trail…';
  try {
    const { value: page } = await pages.next();
    tools.hidden = false;
    if (!older) rows.replaceChildren();
    const firstNew = rows.rows.length;
    page.items.forEach(addRow);
    const shown = rows.rows.length;
    scroll.hidden = shown === 0;
    more.hidden = page.nextCursor === null;
    // Keyboard users land on what they asked for, not on the page when the button goes away.
    if (older && rows.rows[firstNew]) {
      rows.rows[firstNew].tabIndex = -1;
      rows.rows[firstNew].focus();
    }
    state.textContent = shown === 0 ? 'No events yet.' : `Showing ${shown} of ${page.total} events.`;
  } catch (error) {
    if (call.signal.aborted) return;
    // A failed read ends the iterator: only Refresh starts the list again.
    more.hidden = true;
    if (!older) {
      rows.replaceChildren();
      scroll.hidden = true;
    }
    // A role the server refuses is offered no filter or Refresh: they would only ask again.
    tools.hidden = error instanceof ForbiddenError;
    state.textContent =
      error instanceof ForbiddenError
        ? 'Your role cannot read the audit trail. An admin or auditor can.'
        : `The audit trail did not load (${error.message}). Press Refresh to try again.`;
  } finally {
    if (reading === call) more.disabled = false;
  }
}

// Fresh each time the tab opens: the other tabs add events.
new MutationObserver(() => panel.hidden || load()).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
// After portal.js's own listener, which may keep the previous person signed in.
role.addEventListener('change', () => panel.hidden || load());
decryptsOnly.addEventListener('change', () => load());
document.getElementById('audit-refresh').addEventListener('click', () => load());
more.addEventListener('click', () => load(true));
