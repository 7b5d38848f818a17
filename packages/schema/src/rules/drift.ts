import type { CrmFieldDescriptor } from '../field-types.js';
import type { CrmMapping, DriftItem, FieldMapping } from '../settings.js';
import { crmTypeLabel } from './compatibility.js';

function mappingDrift(mappings: readonly FieldMapping[], fields: ReadonlyMap<string, CrmFieldDescriptor>, base: string): DriftItem[] {
  const out: DriftItem[] = [];
  mappings.forEach((m, i) => {
    const field = fields.get(m.target);
    const pointer = `${base}/${i}/target`;
    if (!field) {
      out.push({ pointer, field: m.target, kind: 'missing', message: `${m.target} no longer exists in the CRM.` });
    } else if (m.targetType && field.type !== m.targetType) {
      out.push({
        pointer,
        field: m.target,
        kind: 'type_changed',
        message: `${m.target} changed from ${crmTypeLabel(m.targetType)} to ${crmTypeLabel(field.type)}.`,
      });
    }
  });
  return out;
}

/**
 * Compares saved CRM settings with a fresh describe and lists what broke: mapped fields that vanished or
 * changed type, and tag fields that vanished. Pointers lead to the rows to fix.
 */
export function detectDrift(
  crm: CrmMapping,
  memberFields: readonly CrmFieldDescriptor[] | undefined,
  orderFields?: readonly CrmFieldDescriptor[],
): DriftItem[] {
  const out: DriftItem[] = [];
  if (memberFields) {
    const byName = new Map(memberFields.map((f) => [f.name, f]));
    out.push(...mappingDrift(crm.memberMappings, byName, '/crm/memberMappings'));
    if (crm.tagDestination === 'multiPicklist') {
      for (const key of ['eventTagField', 'courseTagField'] as const) {
        const name = crm[key];
        if (name && !byName.has(name)) out.push({ pointer: `/crm/${key}`, field: name, kind: 'missing', message: `${name} no longer exists in the CRM.` });
      }
    }
  }
  if (orderFields && crm.orderObject) {
    out.push(...mappingDrift(crm.orderMappings, new Map(orderFields.map((f) => [f.name, f])), '/crm/orderMappings'));
  }
  return out;
}
