import {
  checkCompatibility,
  crmTypeLabel,
  isNaturalTarget,
  validateMappings,
  type Compatibility,
  type CrmFieldDescriptor,
  type FieldError,
  type FieldMapping,
  type MappingSuggestion,
  type MemberPulseField,
} from '@memberpulse/integration-schema';
import { compareText, searchKey, type MessageParams } from '../i18n/index.js';

// The field mapper's view model: pure functions over the schema's rules, no DOM. The element
// rebuilds it when its inputs change and renders from it; the rules themselves live in the schema.

/** Status of one source row; also exposed as the row's `:state()`. */
export type RowStatus = 'mapped' | 'unmapped' | 'error' | 'warning';

/** A problem shown on a row, with the schema's English message and the parameters a translation needs. */
export interface RowProblem {
  level: 'error' | 'warning';
  /** A schema `FieldErrorCode`, or `duplicate_target_partner` for the first of two rows sharing a target. */
  code: string;
  /** English message from the schema rules (the default text). */
  message: string;
  params: MessageParams;
}

export interface MapperRow {
  source: MemberPulseField;
  /** Position in `sourceFields`. */
  position: number;
  mapping: FieldMapping | undefined;
  /** The mapped CRM field, when the mapping names one that exists. */
  target: CrmFieldDescriptor | undefined;
  status: RowStatus;
  problems: RowProblem[];
  /** Lower-cased text the search box matches: source label and key, target label and API name. */
  haystack: string;
}

export interface MapperCounts {
  total: number;
  mapped: number;
  required: number;
  requiredMapped: number;
  /** Rows with an error, plus mappings whose source is not a known field. */
  errors: number;
  /** Rows that show a warning (some with an error too). */
  warnings: number;
  /** Rows the "problems only" filter keeps: an error or a warning, each row once. */
  problemRows: number;
}

export interface MapperModel {
  rows: MapperRow[];
  rowBySource: Map<string, MapperRow>;
  targetByName: Map<string, CrmFieldDescriptor>;
  /** CRM field name → keys of the sources mapped onto it, in value order. */
  usedBy: Map<string, string[]>;
  /** The schema's verdict on the whole value (pointers are `/<index>/source|target`, or '' for required). */
  errors: FieldError[];
  warnings: FieldError[];
  /** Errors that belong to no row (a mapping whose source is not among `sourceFields`). */
  orphanErrors: FieldError[];
  /** Required fields left unmapped, shown as row errors or not. */
  missing: MemberPulseField[];
  /** Whether any of them shows as a row error. */
  missingShown: boolean;
  counts: MapperCounts;
}

/** Parameters a translated rule message can use. */
export function problemParams(source: MemberPulseField | undefined, target: CrmFieldDescriptor | undefined, targetName: string): MessageParams {
  return {
    source: source?.label ?? '',
    // Type ids; rendering swaps in their localised names (`type.mp.*`, `type.crm.*`).
    sourceType: source?.type ?? '',
    target: target?.label ?? targetName,
    targetName,
    targetType: target?.type ?? '',
    length: target?.length,
    maxLength: source?.maxLength,
  };
}

/**
 * Builds the rows for `sources` from `value`, judged by the schema's `validateMappings` (with CRM metadata
 * when `targets` is non-empty) and `checkCompatibility`. A required field left unmapped is a row error
 * only where `showMissing` says so; `missing` lists every one either way.
 */
export function buildModel(
  sources: readonly MemberPulseField[],
  targets: readonly CrmFieldDescriptor[],
  value: readonly FieldMapping[],
  showMissing: (source: string) => boolean = () => true,
): MapperModel {
  const targetByName = new Map(targets.map((t) => [t.name, t]));
  const sourceByKey = new Map(sources.map((s) => [s.key, s]));
  const { errors, warnings } = validateMappings(value, {
    sources,
    targets: targets.length > 0 ? targets : undefined,
    pointer: '',
    requireComplete: true,
  });

  const firstMapping = new Map<string, number>();
  const usedBy = new Map<string, string[]>();
  value.forEach((m, i) => {
    if (!firstMapping.has(m.source)) firstMapping.set(m.source, i);
    const list = usedBy.get(m.target);
    if (list) list.push(m.source);
    else usedBy.set(m.target, [m.source]);
  });

  const problemsBySource = new Map<string, RowProblem[]>();
  const add = (key: string, p: RowProblem) => {
    const list = problemsBySource.get(key);
    if (list) list.push(p);
    else problemsBySource.set(key, [p]);
  };
  const orphanErrors: FieldError[] = [];

  const missing = sources.filter((s) => s.required && !firstMapping.has(s.key));
  const requiredMessage = new Map(errors.filter((e) => e.code === 'required' && e.source).map((e) => [e.source!, e.message]));
  let missingShown = false;
  for (const s of missing) {
    if (!showMissing(s.key)) continue;
    missingShown = true;
    add(s.key, { level: 'error', code: 'required', message: requiredMessage.get(s.key) ?? `${s.label} must be mapped.`, params: { source: s.label } });
  }

  const attach = (e: FieldError, level: RowProblem['level']) => {
    const match = /^\/(\d+)\/(source|target)$/.exec(e.pointer);
    if (!match) return;
    const m = value[Number(match[1])]!;
    const source = sourceByKey.get(m.source);
    if (!source) {
      if (level === 'error') orphanErrors.push(e);
      return;
    }
    const target = targetByName.get(m.target);
    const params = problemParams(source, target, m.target);
    add(source.key, { level, code: e.code, message: e.message, params });
    if (e.code === 'duplicate_target') {
      // Mark the first row using the target too, so both ends of the clash are visible.
      const first = usedBy.get(m.target)![0]!;
      const firstSource = sourceByKey.get(first);
      if (firstSource && first !== source.key) {
        add(first, {
          level: 'error',
          code: 'duplicate_target_partner',
          message: `${m.target} is also mapped from ${source.label}.`,
          params: { ...problemParams(firstSource, target, m.target), other: source.label },
        });
      }
      params.other = firstSource?.label ?? first;
    }
  };
  for (const e of errors) if (e.code !== 'required') attach(e, 'error');
  for (const w of warnings) attach(w, 'warning');

  const counts: MapperCounts = { total: sources.length, mapped: 0, required: 0, requiredMapped: 0, errors: orphanErrors.length, warnings: 0, problemRows: 0 };
  const rowBySource = new Map<string, MapperRow>();
  const rows = sources.map((source, position): MapperRow => {
    const index = firstMapping.get(source.key);
    const mapping = index === undefined ? undefined : value[index];
    const target = mapping ? targetByName.get(mapping.target) : undefined;
    const problems = problemsBySource.get(source.key) ?? [];
    const status: RowStatus = problems.some((p) => p.level === 'error')
      ? 'error'
      : problems.length > 0
        ? 'warning'
        : mapping
          ? 'mapped'
          : 'unmapped';
    // A mapping onto a field the object lacks maps nothing: the counts leave it out, as auto-map does.
    const standing = mapping && stands(mapping, targetByName);
    if (standing) counts.mapped++;
    if (source.required) {
      counts.required++;
      if (standing) counts.requiredMapped++;
    }
    if (status === 'error') counts.errors++;
    // A row can show an error and a warning: each count says how many rows show one.
    if (problems.some((p) => p.level === 'warning')) counts.warnings++;
    if (isProblemRow({ status })) counts.problemRows++;
    const haystack = searchKey(`${source.label}\n${source.key}\n${target?.label ?? ''}\n${mapping?.target ?? ''}`);
    const row: MapperRow = { source, position, mapping, target, status, problems, haystack };
    rowBySource.set(source.key, row);
    return row;
  });

  return { rows, rowBySource, targetByName, usedBy, errors, warnings, orphanErrors, missing, missingShown, counts };
}

/** Whether a row shows a problem: the rows "problems only" keeps. */
export const isProblemRow = (row: Pick<MapperRow, 'status'>) => row.status === 'error' || row.status === 'warning';

export interface RowFilter {
  query: string;
  unmappedOnly: boolean;
  problemsOnly: boolean;
}

/** Rows matching the search text (on either side) and the filters. */
export function filterRows(rows: readonly MapperRow[], filter: RowFilter): MapperRow[] {
  const terms = searchKey(filter.query).split(/\s+/).filter(Boolean);
  if (terms.length === 0 && !filter.unmappedOnly && !filter.problemsOnly) return rows as MapperRow[];
  return rows.filter(
    (r) =>
      (!filter.unmappedOnly || !r.mapping) &&
      (!filter.problemsOnly || isProblemRow(r)) &&
      terms.every((t) => r.haystack.includes(t)),
  );
}

/** A CRM field prepared once per `targetFields` for fast matching. */
export interface PreparedTarget {
  field: CrmFieldDescriptor;
  /** Position in `targetFields`; also the option's stable id. */
  index: number;
  label: string;
  name: string;
  /** Label and name without spaces and punctuation, so `first name` finds `FirstName`. */
  compact: string;
  type: string;
}

export function prepareTargets(targets: readonly CrmFieldDescriptor[]): PreparedTarget[] {
  return targets.map((field, index) => {
    const label = searchKey(field.label);
    const name = searchKey(field.name);
    return { field, index, label, name, compact: `${label}\n${name}`.replace(/[^\p{L}\p{N}\n]/gu, ''), type: searchKey(crmTypeLabel(field.type)) };
  });
}

/** One entry of a row's target list. */
export interface TargetOption {
  target: CrmFieldDescriptor;
  id: number;
  compat: Compatibility;
  /** Keys of other sources already mapped onto this target. */
  usedBy: string[];
  selected: boolean;
}

function rank(t: PreparedTarget, q: string, compactQ: string): number {
  if (!q) return 0;
  if (t.label.startsWith(q)) return 0;
  if (t.name.startsWith(q)) return 1;
  if (t.label.includes(` ${q}`) || t.name.includes(`.${q}`) || t.name.includes(`_${q}`)) return 2;
  if (t.label.includes(q) || t.name.includes(q)) return 3;
  if (compactQ && t.compact.includes(compactQ)) return 4;
  if (t.type.startsWith(q)) return 5;
  return -1;
}

/**
 * The target list for one source, each with the schema's compatibility verdict and who else uses it:
 * a field named exactly as typed first, then safe fields of the source's own type, other safe fields, risky
 * ones (so "mail" offers Email before Mailing City), each group in match order; fields that cannot take the
 * source come last. Within a match, the field named like the source comes first (Email for Email), then
 * standard fields before custom ones (Alumni Email), then by label in the locale's alphabetical order.
 */
export function buildOptions(
  source: MemberPulseField,
  prepared: readonly PreparedTarget[],
  usedBy: ReadonlyMap<string, string[]>,
  selected: string | undefined,
  query: string,
): TargetOption[] {
  const q = searchKey(query.trim());
  const compactQ = q.replace(/[^\p{L}\p{N}]/gu, '');
  // 0: named exactly as typed; 1: safe and of the source's own type; 2: safe; 3: risky (a warning); 4: cannot take the source.
  const groupOf = (t: PreparedTarget, level: Compatibility['level']) =>
    level === 'error' ? 4 : q && (t.label === q || t.name === q) ? 0 : level === 'warning' ? 3 : isNaturalTarget(source, t.field) ? 1 : 2;
  const sourceNames = new Set([searchKey(source.label), searchKey(source.key)]);
  // 0: named like the source; 1: a standard field; 2: a custom one.
  const kinship = (t: PreparedTarget) => (sourceNames.has(t.label) || sourceNames.has(t.name) ? 0 : t.field.custom ? 2 : 1);
  const scored: { o: TargetOption; group: number; r: number; kin: number }[] = [];
  for (const t of prepared) {
    const r = rank(t, q, compactQ);
    if (r < 0) continue;
    const compat = checkCompatibility(source, t.field);
    const users = (usedBy.get(t.field.name) ?? []).filter((k) => k !== source.key);
    scored.push({
      o: { target: t.field, id: t.index, compat, usedBy: users, selected: t.field.name === selected },
      group: groupOf(t, compat.level),
      r,
      kin: kinship(t),
    });
  }
  scored.sort((a, b) => a.group - b.group || a.r - b.r || a.kin - b.kin || compareText(a.o.target.label, b.o.target.label) || a.o.id - b.o.id);
  return scored.map((s) => s.o);
}

/** Whether a mapping is onto a field the CRM object has (any is, while its fields are unknown). */
const stands = (m: FieldMapping, targetByName: ReadonlyMap<string, unknown>) => targetByName.size === 0 || targetByName.has(m.target);

/** The mappings onto fields the CRM object has. */
export const standingMappings = (value: readonly FieldMapping[], targetByName: ReadonlyMap<string, unknown>): readonly FieldMapping[] =>
  value.filter((m) => stands(m, targetByName));

/** Drops suggestions the admin has overtaken: their source is now mapped or their target used. */
export function pruneSuggestions(
  suggestions: ReadonlyMap<string, MappingSuggestion>,
  value: readonly FieldMapping[],
): Map<string, MappingSuggestion> {
  const mapped = new Set(value.map((m) => m.source));
  const used = new Set(value.map((m) => m.target));
  const out = new Map<string, MappingSuggestion>();
  for (const [key, s] of suggestions) if (!mapped.has(key) && !used.has(s.target)) out.set(key, s);
  return out;
}
