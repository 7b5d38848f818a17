export { MpFieldMapper, FieldMapperAutoMapEvent, type RowStatus } from './field-mapper/field-mapper.js';
export { MpCombobox, type ComboboxOption, type ComboboxSearch } from './shared/combobox.js';
export { tokens, INHERIT_TOKENS_ATTRIBUTE, installThemeRoot, themeRootCss, colorTokens, spaceTokens, fontTokens, radiusTokens } from './styles/tokens.js';
export { base } from './styles/base.js';
export { msg, registerMessages, setLocale, getLocale, formatNumber, LocalizeController, LOCALE_CHANGE_EVENT, en, type Messages, type MessageKey, type MessageParams } from './i18n/index.js';
export { MpIntegrationProvider } from './provider/integration-provider.js';
export { integrationClientContext } from './provider/context.js';
export { MpEndpointGrid, EndpointChangeEvent, IntegrationErrorEvent, SortChangeEvent, type EndpointChange } from './endpoint-grid/endpoint-grid.js';
export type { EndpointGridAction, SettingsAction } from './provider/error-event.js';
export { MpIntegrationSettings, SettingsSavedEvent, BeforeLeaveEvent, type SettingsSaveAction } from './integration-settings/integration-settings.js';
/** The English of each widget's own strings, to list the keys a translation may register (see docs/theming.md). */
export { settingsMessages } from './integration-settings/messages.js';
export { endpointGridMessages } from './endpoint-grid/messages.js';
export { errorMessages } from './provider/error-text.js';
