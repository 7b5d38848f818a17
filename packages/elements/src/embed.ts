/**
 * The one-file embed: every element (registered on load) and the SDK, for a single
 * `<script type="module" src="mp-integration-kit.js">` in any host page. Built by rollup into
 * `dist/mp-integration-kit.js`; its min+gzip size is budgeted in `bench/embed.bench.ts`.
 */
// Bundle order only (these modules are loaded anyway): imported first so the one-file build keeps like with like,
// the rest of Lit, then every stylesheet, then the SDK and ky, ahead of the elements that use them. gzip
// finds more repeats within its 32 kB window: 1.6 kB less than in the order the elements import them.
import 'lit/directives/repeat.js';
import 'lit/directives/live.js';
import '@lit/context';
import './styles/tokens.js';
import './styles/base.js';
import './provider/panel.styles.js';
import './shared/combobox.styles.js';
import './field-mapper/field-mapper.styles.js';
import './endpoint-grid/endpoint-grid.styles.js';
import './integration-settings/integration-settings.styles.js';
export * from '@memberpulse/integrations-sdk';

export * from './index.js';
