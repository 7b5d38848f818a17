// The host portal's own glue: hands the demo tenant's token to the settings' provider and the chosen
// customer's token to the endpoints' provider (seed 002's Customer onboard → Edit), switches role, theme
// and tab, and shows the widgets' events in a status line, as a real host page would.
const config = JSON.parse(document.getElementById('mp-demo-config').textContent);
const provider = document.getElementById('provider');
const customerProvider = document.getElementById('customer-provider');
const status = document.getElementById('portal-status');

for (const el of document.querySelectorAll('[data-demo]')) el.textContent = config.demoCrm[el.dataset.demo];

const role = document.getElementById('role');
const widgets = [...document.querySelectorAll('mp-integration-settings, mp-endpoint-grid')];
const customerButtons = [];
let customer = null;
let signedIn = role.value;
const applyRole = () => {
  // The token goes in as a property: an attribute would stay in the page (the provider refuses one).
  provider.token = config.tokens[role.value];
  if (customer) customerProvider.token = customer.tokens[role.value];
  signedIn = role.value;
  // Only the roles that may change endpoints are offered to edit a customer's (seed 002's Edit); the rest view them.
  const action = config.endpointWriters.includes(role.value) ? 'Edit' : 'View';
  for (const [button, c] of customerButtons) {
    button.textContent = action;
    button.setAttribute('aria-label', `${action} ${c.name}`);
  }
};
provider.setAttribute('base-url', config.apiUrl);
customerProvider.setAttribute('base-url', config.apiUrl);
// Another person's token reloads the widgets, so a host asks before dropping unsaved work.
role.addEventListener('change', () => {
  if (widgets.some((w) => w.dirty) && !confirm('There are unsaved changes. Sign in as someone else and lose them?')) role.value = signedIn;
  else applyRole();
});

const list = document.getElementById('customer-list');
const detail = document.getElementById('customer-detail');
const rows = document.getElementById('customer-rows');
for (const c of config.customers) {
  const row = rows.insertRow();
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = c.name;
  row.append(name);
  const button = document.createElement('button');
  button.type = 'button';
  button.addEventListener('click', () => openCustomer(c));
  row.insertCell().append(button);
  customerButtons.push([button, c]);
}
applyRole();
function openCustomer(c) {
  customer = c;
  applyRole();
  document.getElementById('customer-name').textContent = c.name;
  list.hidden = true;
  detail.hidden = false;
  document.getElementById('customer-name').focus();
}
document.getElementById('back-to-customers').addEventListener('click', () => {
  const left = customer;
  customer = null;
  detail.hidden = true;
  list.hidden = false;
  customerButtons.find(([, c]) => c === left)?.[0].focus();
});

const theme = document.getElementById('theme');
const storedTheme = localStorage.getItem('mp-demo-theme');
theme.value = storedTheme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
const applyTheme = () => {
  document.documentElement.dataset.mpTheme = theme.value;
  localStorage.setItem('mp-demo-theme', theme.value);
};
theme.addEventListener('change', applyTheme);
applyTheme();

const tabs = [...document.querySelectorAll('[role="tab"]')];
function select(tab) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
  }
  tab.focus();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', (event) => {
    const forward = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (forward === undefined) return;
    event.preventDefault();
    // Right-to-left, the next tab is on the left.
    const step = getComputedStyle(tab).direction === 'rtl' ? -forward : forward;
    select(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]);
  });
}

for (const type of ['mp-saved', 'mp-endpoint-created', 'mp-endpoint-updated', 'mp-endpoint-deleted', 'mp-error']) {
  document.addEventListener(type, (event) => {
    status.textContent = `For developers: this host page heard ${type} at ${new Date().toLocaleTimeString()}.`;
    console.info('[portal]', type, event.detail ?? event);
  });
}
