import { isolateBidi } from '../bidi.js';
import type { CrmFieldDescriptor, MemberPulseField } from '../field-types.js';
import { fieldError, type FieldError } from '../problem.js';
import type { FieldMapping, ValidationResult } from '../settings.js';
import { checkCompatibility } from './compatibility.js';

/** What a mapping list is checked against. */
export interface MappingContext {
  /** MemberPulse fields that may be sources. */
  sources: readonly MemberPulseField[];
  /** The CRM object's fields, when known; without them only structural rules run. */
  targets?: readonly CrmFieldDescriptor[];
  /** JSON Pointer of the mapping array, e.g. `/crm/memberMappings`. */
  pointer: string;
  /** Every required source field must be mapped (enabling). */
  requireComplete: boolean;
}

/**
 * Checks a list of field mappings: known sources, no source or target used twice, required sources
 * mapped (when complete), and, given CRM metadata, that each target exists and accepts the source's type.
 */
export function validateMappings(mappings: readonly FieldMapping[], ctx: MappingContext): ValidationResult {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const sources = new Map(ctx.sources.map((s) => [s.key, s]));
  const targets = ctx.targets ? new Map(ctx.targets.map((t) => [t.name, t])) : undefined;
  const sourceRow = new Map<string, number>();
  const targetRow = new Map<string, number>();

  mappings.forEach((m, i) => {
    const at = `${ctx.pointer}/${i}`;
    const source = sources.get(m.source);
    if (!source) {
      errors.push(fieldError(`${at}/source`, 'unknown_source', `“${m.source}” is not a MemberPulse field.`));
    } else if (sourceRow.has(m.source)) {
      errors.push(fieldError(`${at}/source`, 'duplicate', `${isolateBidi(source.label)} is mapped twice (rows ${sourceRow.get(m.source)! + 1} and ${i + 1}).`));
    } else {
      sourceRow.set(m.source, i);
    }

    const firstUse = targetRow.get(m.target);
    if (firstUse !== undefined) {
      const other = mappings[firstUse]!;
      const otherLabel = sources.get(other.source)?.label ?? other.source;
      errors.push(fieldError(`${at}/target`, 'duplicate_target', `${m.target} is already mapped from ${otherLabel}.`));
    } else {
      targetRow.set(m.target, i);
    }

    if (!targets) return;
    const target = targets.get(m.target);
    if (!target) {
      errors.push(fieldError(`${at}/target`, 'unknown_target', `${m.target} does not exist on this CRM object.`));
      return;
    }
    if (!source) return;
    const compat = checkCompatibility(source, target);
    if (compat.level === 'error') errors.push(fieldError(`${at}/target`, compat.code!, compat.message!));
    if (compat.level === 'warning') warnings.push(fieldError(`${at}/target`, compat.code!, compat.message!));
  });

  if (ctx.requireComplete) {
    for (const source of ctx.sources) {
      if (source.required && !sourceRow.has(source.key)) {
        errors.push(fieldError(ctx.pointer, 'required', `${isolateBidi(source.label)} must be mapped.`, source.key));
      }
    }
  }
  return { errors, warnings };
}
