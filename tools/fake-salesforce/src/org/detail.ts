/** Assembles the describe tail (fields, child relationships, record types) of an object. */
import type { ChildRelationship, FieldDescribe, RecordTypeInfo, SObjectDescribe, SObjectSummary } from '../types.js';

/** The part of a describe that is not in the global summary. */
export type DescribeDetail = Omit<SObjectDescribe, keyof SObjectSummary>;

/** A record type of an object, as the sample org defines it. */
export interface RecordTypeDef {
  id: string;
  name: string;
  developerName: string;
  isDefault?: boolean;
}

/** Builds a child relationship entry. */
export function child(childSObject: string, fieldName: string, relationshipName: string | null, cascadeDelete = false): ChildRelationship {
  return {
    cascadeDelete,
    childSObject,
    deprecatedAndHidden: false,
    field: fieldName,
    junctionIdListNames: [],
    junctionReferenceTo: [],
    relationshipName,
    restrictedDelete: false,
  };
}

/** Builds the describe tail. */
export function detail(
  fields: FieldDescribe[],
  opts: { children?: ChildRelationship[]; recordTypes?: RecordTypeDef[]; keyPrefix?: string | null; apiVersion: string; objectName: string },
): DescribeDetail {
  const recordTypeInfos: RecordTypeInfo[] = [];
  if (opts.keyPrefix !== null) {
    const rts = opts.recordTypes ?? [];
    const anyDefault = rts.some((r) => r.isDefault);
    for (const rt of rts) {
      recordTypeInfos.push({
        active: true,
        available: true,
        defaultRecordTypeMapping: !!rt.isDefault,
        developerName: rt.developerName,
        master: false,
        name: rt.name,
        recordTypeId: rt.id,
        urls: { layout: `/services/data/v${opts.apiVersion}/sobjects/${opts.objectName}/describe/layouts/${rt.id}` },
      });
    }
    recordTypeInfos.push({
      active: true,
      available: true,
      defaultRecordTypeMapping: !anyDefault,
      developerName: 'Master',
      master: true,
      name: 'Master',
      recordTypeId: '012000000000000AAA',
      urls: { layout: `/services/data/v${opts.apiVersion}/sobjects/${opts.objectName}/describe/layouts/012000000000000AAA` },
    });
  }
  return {
    actionOverrides: [],
    childRelationships: opts.children ?? [],
    compactLayoutable: opts.keyPrefix !== null,
    fields,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos,
    searchLayoutable: opts.keyPrefix !== null,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [
      { label: 'All contacts', name: 'everything' },
      { label: 'My contacts', name: 'mine' },
    ].slice(0, opts.keyPrefix ? 2 : 0),
  };
}
