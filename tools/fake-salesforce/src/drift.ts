/** Schema-drift controls for tests: rename, remove or retype a field of an object, as an admin would in Setup. */
import type { FieldDescribe, FakeOrg, SfFieldType } from './types.js';
import { detailOf, getObject, invalidate } from './store.js';

function locate(org: FakeOrg, objectName: string, fieldName: string) {
  const obj = getObject(org, objectName);
  if (!obj) throw new Error(`The fake org has no object ${objectName}`);
  const detail = detailOf(obj);
  const index = detail.fields.findIndex((f) => f.name.toLowerCase() === fieldName.toLowerCase());
  if (index < 0) throw new Error(`${obj.summary.name} has no field ${fieldName}`);
  return { obj, detail, index, field: detail.fields[index]! };
}

/** Renames a field; stored values move with it. */
export function renameField(org: FakeOrg, objectName: string, from: string, to: string): void {
  const { obj, detail, index, field } = locate(org, objectName, from);
  detail.fields[index] = { ...field, name: to };
  for (const r of obj.records.values()) {
    if (field.name in r) {
      r[to] = r[field.name];
      delete r[field.name];
    }
  }
  invalidate(obj);
}

/** Deletes a field; stored values are dropped. */
export function removeField(org: FakeOrg, objectName: string, name: string): void {
  const { obj, detail, index, field } = locate(org, objectName, name);
  detail.fields.splice(index, 1);
  for (const r of obj.records.values()) delete r[field.name];
  invalidate(obj);
}

/** Changes a field's type (and optionally other describe keys), keeping its name. */
export function changeFieldType(org: FakeOrg, objectName: string, name: string, type: SfFieldType, extra: Partial<FieldDescribe> = {}): void {
  const { obj, detail, index, field } = locate(org, objectName, name);
  detail.fields[index] = { ...field, ...extra, type };
  invalidate(obj);
}
