// A separate entry (`@memberpulse/integration-schema/validation`): the zod/mini schemas and the parser that
// turns their issues into field errors. The server and the SDK's response checks use them; the widgets need
// only the catalog and the rules, so a page of widgets never loads zod.
export * from './validation/schemas.js';
export * from './validation/parse.js';
export * from './validation/request-bodies.js';
export * from './validation/urls.js';
export * from './validation/endpoint-sorts.js';
export * from './validation/endpoint-name-key.js';
export * from './validation/problem-types.js';
export * from './validation/stripe-mode-change.js';
export * from './validation/tag-destination.js';
export * from './validation/setting-fields.js';
export * from './validation/setting-text.js';
export * from './validation/self-hosted.js';
export * from './validation/intouch-lists.js';
export * from './validation/list-values.js';
