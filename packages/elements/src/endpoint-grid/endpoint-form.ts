import {
  ENDPOINT_DESCRIPTION_MAX,
  ENDPOINT_NAME_MAX,
  normalizeEndpointName,
  ONE_LINE_TEXT,
  VISIBLE_TEXT,
  type FieldError,
  type IntegrationEndpoint,
} from '@memberpulse/integration-schema';
import type { ValidationError } from '@memberpulse/integrations-sdk';
import { endpointGridMessages } from './messages.js';
import { translator, type Phrase } from '../provider/translate.js';
import { msg } from '../i18n/index.js';
import { errorText } from '../provider/error-text.js';

const t = translator(endpointGridMessages);

/** The add/edit form's state. Edit keeps the name read-only (it is immutable in the API). */
export interface EndpointFormState {
  mode: 'create' | 'edit';
  /** The endpoint being edited. */
  endpoint?: IntegrationEndpoint;
  name: string;
  description: string;
  errors: { name: Phrase[]; description: Phrase[] };
  /** A problem that belongs to no field (network, permission…). */
  general: Phrase | null;
  busy: boolean;
  /** Cancel or Escape met typed text: the form asks before dropping it. */
  discarding: boolean;
}

export function newForm(): EndpointFormState {
  return { mode: 'create', name: '', description: '', errors: { name: [], description: [] }, general: null, busy: false, discarding: false };
}

export function editForm(endpoint: IntegrationEndpoint): EndpointFormState {
  return { ...newForm(), mode: 'edit', endpoint, name: endpoint.name, description: endpoint.description };
}

/** Whether closing the form would drop something the admin typed. */
export function hasTyped(form: EndpointFormState): boolean {
  return form.mode === 'create' ? !!(form.name.trim() || form.description.trim()) : form.description !== form.endpoint!.description;
}

/** "At most {max} characters": the plural form goes with the limit, whose noun the sentence inflects. */
function tooLong(max: number, length: number): Phrase {
  return () => t('endpointGrid.form.tooLong', { max, length, count: max });
}

/**
 * The same checks the server makes (something visible, one line, length as stored, not blank), worded for
 * the form, so most mistakes show before a round trip.
 */
export function checkForm(form: EndpointFormState): EndpointFormState['errors'] {
  const name: Phrase[] = [];
  const description: Phrase[] = [];
  if (form.mode === 'create') {
    if (!VISIBLE_TEXT.test(form.name)) name.push(() => t('endpointGrid.form.nameRequired'));
    else if (!ONE_LINE_TEXT.test(form.name)) name.push(() => t('endpointGrid.form.nameOneLine'));
    else if (normalizeEndpointName(form.name).length > ENDPOINT_NAME_MAX) name.push(tooLong(ENDPOINT_NAME_MAX, normalizeEndpointName(form.name).length));
  }
  // Sent and stored trimmed: the limit holds for that.
  const stored = form.description.trim();
  if (!stored) description.push(() => t('endpointGrid.form.descriptionRequired'));
  else if (stored.length > ENDPOINT_DESCRIPTION_MAX) description.push(tooLong(ENDPOINT_DESCRIPTION_MAX, stored.length));
  return { name, description };
}

/**
 * Places the server's field errors (e.g. the duplicate name on `/name`) on their inputs; the rest is general.
 * Each is worded by `endpointGrid.error.<code>` (`{name}`: the name sent) where the host registered it, else
 * as the server wrote it.
 */
export function serverErrors(error: ValidationError, sent: Pick<EndpointFormState, 'name'>): Pick<EndpointFormState, 'errors' | 'general'> {
  const text = (e: FieldError) => () => msg(`endpointGrid.error.${e.code}`, { name: sent.name.trim() }, e.message);
  const on = (pointer: string) => error.errors.filter((e) => e.pointer === pointer).map(text);
  const other = error.errors.filter((e) => e.pointer !== '/name' && e.pointer !== '/description').map(text);
  const errors = { name: on('/name'), description: on('/description') };
  // A refusal that names no field (a 413, a 400 without a list) still says why: never a Submit that shows nothing.
  const unplaced = !errors.name.length && !errors.description.length && !other.length;
  return { errors, general: other.length ? () => other.map((p) => p()).join(' ') : unplaced ? () => errorText(error) : null };
}
