/**
 * The one-file embed: every element (registered on load) and the SDK, for a single
 * `<script type="module" src="mp-integration-kit.js">` in any host page. Built by rollup into
 * `dist/mp-integration-kit.js`; its min+gzip size is budgeted in `bench/embed.bench.ts`.
 */
export * from './index.js';
export { createIntegrationClient, IntegrationError } from '@memberpulse/integrations-sdk';
