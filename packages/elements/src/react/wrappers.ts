import { createComponent, type EventName } from '@lit/react';
import type * as ReactTypes from 'react';
import { MpIntegrationProvider } from '../provider/integration-provider.js';
import { MpIntegrationSettings } from '../integration-settings/integration-settings.js';
import { MpEndpointGrid } from '../endpoint-grid/endpoint-grid.js';
import { MpFieldMapper, type FieldMapperAutoMapEvent } from '../field-mapper/field-mapper.js';
import type { BeforeLeaveEvent, SettingsSavedEvent } from '../integration-settings/events.js';
import type { EndpointChangeEvent, SortChangeEvent } from '../endpoint-grid/events.js';
import type { EndpointGridAction, IntegrationErrorEvent, SettingsAction } from '../provider/error-event.js';

/** The field mapper's `input` and `change`: read the new mappings from `target.value`. */
export type FieldMapperValueEvent = Event & { readonly target: MpFieldMapper };

/**
 * Builds the React components for the mp elements with the React you pass (the `react` entry passes its
 * own import; pass yours when your app bundles another copy). Events become `on…` props with their typed
 * event objects; properties such as `client`, `value` or `sourceFields` are set as properties.
 */
export function createReactWrappers(React: typeof ReactTypes) {
  return {
    /** `<mp-integration-provider>`: `baseUrl`, `token`, `getToken` or `client`. */
    IntegrationProvider: createComponent({ react: React, tagName: 'mp-integration-provider', elementClass: MpIntegrationProvider }),
    /** `<mp-integration-settings>`: `category`, `client`; `onSaved`, `onError`, `onBeforeLeave`. */
    IntegrationSettings: createComponent({
      react: React,
      tagName: 'mp-integration-settings',
      elementClass: MpIntegrationSettings,
      events: {
        onSaved: 'mp-saved' as EventName<SettingsSavedEvent>,
        onError: 'mp-error' as EventName<IntegrationErrorEvent<SettingsAction>>,
        onBeforeLeave: 'mp-before-leave' as EventName<BeforeLeaveEvent>,
      },
    }),
    /**
     * `<mp-endpoint-grid>`: `pageSize`, `sort`, `client`; `onEndpointCreated`, `onEndpointUpdated`, `onEndpointDeleted`,
     * `onSortChange`, `onError`. A `sort` prop is set again on every render: keep it in state updated from `onSortChange`, or leave it out.
     */
    EndpointGrid: createComponent({
      react: React,
      tagName: 'mp-endpoint-grid',
      elementClass: MpEndpointGrid,
      events: {
        onEndpointCreated: 'mp-endpoint-created' as EventName<EndpointChangeEvent>,
        onEndpointUpdated: 'mp-endpoint-updated' as EventName<EndpointChangeEvent>,
        onEndpointDeleted: 'mp-endpoint-deleted' as EventName<EndpointChangeEvent>,
        onSortChange: 'mp-sort-change' as EventName<SortChangeEvent>,
        onError: 'mp-error' as EventName<IntegrationErrorEvent<EndpointGridAction>>,
      },
    }),
    /** `<mp-field-mapper>`: `sourceFields`, `targetFields`, `value`; `onChange`, `onInput`, `onAutoMap`. */
    FieldMapper: createComponent({
      react: React,
      tagName: 'mp-field-mapper',
      elementClass: MpFieldMapper,
      events: {
        onChange: 'change' as EventName<FieldMapperValueEvent>,
        onInput: 'input' as EventName<FieldMapperValueEvent>,
        onAutoMap: 'mp-automap' as EventName<FieldMapperAutoMapEvent>,
      },
    }),
  };
}

/** The components {@link createReactWrappers} returns. */
export type ReactWrappers = ReturnType<typeof createReactWrappers>;
