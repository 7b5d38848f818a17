/**
 * English defaults for every visible string of the mp elements. Hosts translate with
 * `registerMessages(locale, { key: 'text' })` and `setLocale(locale)`; missing keys fall back to English.
 *
 * Placeholders are `{name}`. Plural forms are separate keys `key#one`, `key#other` (plus `#zero`, `#two`,
 * `#few`, `#many` where a language needs them), picked by the `count` parameter.
 *
 * Rule messages (incompatible types, duplicates…) come from `@memberpulse/integration-schema` in English.
 * To translate them, register `rule.<code>` (errors) and `rule.<code>.warning` (warnings) keys; they get
 * `{source} {sourceType} {target} {targetName} {targetType} {length} {maxLength} {other}`.
 */
export const en = {
  // Field mapper: frame and toolbar
  'fieldMapper.label': 'Field mapping',
  'fieldMapper.sourceHeading': 'MemberPulse field',
  'fieldMapper.targetHeading': 'CRM field',
  'fieldMapper.policyHeading': 'Update',
  'fieldMapper.actionsHeading': 'Actions',
  'fieldMapper.search': 'Search fields',
  'fieldMapper.searchPlaceholder': 'Search fields on both sides',
  'fieldMapper.filters': 'Filters',
  'fieldMapper.unmappedOnly': 'Unmapped only',
  'fieldMapper.problemsOnly': 'Problems only',
  'fieldMapper.autoMap': 'Auto-map',
  'fieldMapper.counts.mapped': '{mapped} of {total} mapped',
  'fieldMapper.counts.required': '{mapped} of {total} required',
  'fieldMapper.counts.problems#one': '{count} error',
  'fieldMapper.counts.problems#other': '{count} errors',
  'fieldMapper.counts.warnings#one': '{count} warning',
  'fieldMapper.counts.warnings#other': '{count} warnings',
  'fieldMapper.counts.shown': 'Showing {shown} of {total}',
  'fieldMapper.suggestions#one': '{count} suggestion to review',
  'fieldMapper.suggestions#other': '{count} suggestions to review',
  'fieldMapper.acceptAll': 'Accept all',
  'fieldMapper.dismissAll': 'Dismiss all',

  // Field mapper: rows
  'fieldMapper.required': 'Required',
  'fieldMapper.chooseTarget': 'Choose a CRM field',
  'fieldMapper.notMapped': 'Not mapped',
  'fieldMapper.targetFor': 'CRM field for {source}',
  'fieldMapper.policyFor': 'Update policy for {source}',
  'fieldMapper.clearFor': 'Clear mapping for {source}',
  'fieldMapper.picklistValues#one': '{count} value: {values}',
  'fieldMapper.picklistValues#other': '{count} values: {values}',
  'fieldMapper.suggested': 'Suggested:',
  'fieldMapper.confidence': '{percent} match',
  'fieldMapper.suggestionNote': '{confidence} · {reason}',
  'fieldMapper.reason.api-name': 'same API name',
  'fieldMapper.reason.label': 'same label',
  'fieldMapper.reason.synonym': 'known equivalent',
  'fieldMapper.reason.partial': 'similar name',
  'fieldMapper.accept': 'Accept',
  'fieldMapper.acceptFor': 'Accept {target} for {source}',
  'fieldMapper.dismiss': 'Dismiss',
  'fieldMapper.dismissFor': 'Dismiss the suggestion for {source}',
  'fieldMapper.error': 'Error:',
  'fieldMapper.warning': 'Warning:',

  // Field mapper: target list
  'fieldMapper.listLabel': 'CRM fields for {source}',
  'fieldMapper.usedBy': 'Used by {sources}',

  // Field mapper: empty states
  'fieldMapper.empty.sources': 'There are no MemberPulse fields to map.',
  'fieldMapper.empty.targets': 'No CRM fields yet. Connect the CRM and choose the object to map to.',
  'fieldMapper.empty.filtered': 'No fields match the search and filters.',
  'fieldMapper.clearFilters': 'Clear search and filters',

  // Field mapper: announcements (screen readers)
  'fieldMapper.announce.suggestions#one': 'Auto-map found {count} suggestion. Review it in its row, or accept all.',
  'fieldMapper.announce.suggestions#other': 'Auto-map found {count} suggestions. Review them in the rows, or accept all.',
  'fieldMapper.announce.noSuggestions': 'Auto-map found no new matches.',
  'fieldMapper.announce.accepted#one': 'Accepted {count} suggestion.',
  'fieldMapper.announce.accepted#other': 'Accepted {count} suggestions.',
  'fieldMapper.announce.mapped': '{source} mapped to {target}.',
  'fieldMapper.announce.cleared': 'Mapping for {source} cleared.',
  'fieldMapper.announce.shown#one': '{count} field shown.',
  'fieldMapper.announce.shown#other': '{count} fields shown.',

  // Field mapper: form validity
  'fieldMapper.validity.required': 'Map the required fields: {fields}.',
  'fieldMapper.validity.more#one': '{message} ({count} more problem.)',
  'fieldMapper.validity.more#other': '{message} ({count} more problems.)',

  // Rules without a schema message, and those whose schema message names a type by its id
  'rule.duplicate_target_partner': '{targetName} is also mapped from {other}.',
  'rule.incompatible_type': '{source} ({sourceType}) cannot be written into {target} ({targetType}).',

  // Update policies (schema `updatePolicies`)
  'policy.always': 'Always overwrite',
  'policy.ifTargetEmpty': 'Only if empty in CRM',
  'policy.neverBlank': 'Never blank out',

  // MemberPulse field types (schema `MemberPulseFieldType`)
  'type.mp.id': 'ID',
  'type.mp.string': 'Text',
  'type.mp.text': 'Long text',
  'type.mp.email': 'Email',
  'type.mp.phone': 'Phone',
  'type.mp.url': 'URL',
  'type.mp.picklist': 'Picklist',
  'type.mp.boolean': 'Yes/No',
  'type.mp.date': 'Date',
  'type.mp.datetime': 'Date/time',
  'type.mp.integer': 'Whole number',
  'type.mp.number': 'Number',
  'type.mp.currency': 'Currency',

  // CRM field types (schema `CrmFieldType`)
  'type.crm.id': 'ID',
  'type.crm.string': 'Text',
  'type.crm.textarea': 'Long text',
  'type.crm.email': 'Email',
  'type.crm.phone': 'Phone',
  'type.crm.url': 'URL',
  'type.crm.picklist': 'Picklist',
  'type.crm.multipicklist': 'Multi-select picklist',
  'type.crm.combobox': 'Picklist (editable)',
  'type.crm.boolean': 'Checkbox',
  'type.crm.date': 'Date',
  'type.crm.datetime': 'Date/time',
  'type.crm.time': 'Time',
  'type.crm.int': 'Whole number',
  'type.crm.long': 'Long number',
  'type.crm.double': 'Number',
  'type.crm.currency': 'Currency',
  'type.crm.percent': 'Percent',
  'type.crm.reference': 'Lookup',
  'type.crm.address': 'Address',
  'type.crm.location': 'Geolocation',
  'type.crm.base64': 'File',
  'type.crm.encryptedstring': 'Encrypted text',
  'type.crm.anyType': 'Any',

  // Combobox (shared/combobox.ts)
  'combobox.current': '(current choice)',
  'combobox.noMatches': 'Nothing matches “{query}”.',
  'combobox.noOptions': 'Nothing to choose from.',
  'combobox.noneEnabled#one': 'The one option here cannot be chosen.',
  'combobox.noneEnabled#other': 'None of these {count} options can be chosen.',
  'combobox.count#one': '{count} option',
  'combobox.count#other': '{count} options',
  'combobox.hint': '↑ ↓ move · Enter choose · Esc close',

  // A row button's name for screen readers: its visible label and what it acts on ("Edit Orders").
  'common.actionFor': '{action} {name}',

  // Between values shown as values (a picklist's first few, a list setting's lines); names in a sentence
  // ("Email, First Name, and Last Name") are joined by Intl.ListFormat for the locale.
  'common.listSeparator': ', ',
  // The first few of a longer list of values (a picklist's), and the start of a text cut short.
  'common.moreItems': '{items}…',
  'common.shortened': '{text}…',
} as const;

type BaseKey<K> = K extends `${infer B}#${string}` ? B : K;

/** Every message key; plural keys by their base name (`fieldMapper.counts.problems`). */
export type MessageKey = BaseKey<keyof typeof en>;
