/**
 * React components for the mp elements, through `@lit/react`:
 * `import { IntegrationProvider, IntegrationSettings, EndpointGrid, FieldMapper } from '@memberpulse/integration-elements/react'`.
 * Needs `react` (18 or 19) in the host app.
 */
import * as React from 'react';
import { createReactWrappers } from './react/wrappers.js';

export { createReactWrappers, type ReactWrappers, type FieldMapperValueEvent } from './react/wrappers.js';

/** The wrappers bound to the app's `react`. */
export const { IntegrationProvider, IntegrationSettings, EndpointGrid, FieldMapper } = createReactWrappers(React);
