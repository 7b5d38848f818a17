// The host portal's own glue: hands the demo tenant's token to the provider, switches role, theme and tab,
// and shows the widgets' events in a status line, as a real host page would.
const config = JSON.parse(document.getElementById('mp-demo-config').textContent);
const provider = document.getElementById('provider');
const status = document.getElementById('portal-status');

for (const el of document.querySelectorAll('[data-demo]')) el.textContent = config.demoCrm[el.dataset.demo];

provider.setAttribute('base-url', config.apiUrl);
const role = document.getElementById('role');
const applyRole = () => provider.setAttribute('token', config.tokens[role.value]);
role.addEventListener('change', applyRole);
applyRole();

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
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    select(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]);
  });
}

for (const type of ['mp-saved', 'mp-endpoint-created', 'mp-endpoint-updated', 'mp-endpoint-deleted', 'mp-error']) {
  provider.addEventListener(type, (event) => {
    status.textContent = `${new Date().toLocaleTimeString()}: host page received ${type}`;
    console.info('[portal]', type, event.detail ?? event);
  });
}
