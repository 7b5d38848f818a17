/** Task and Order. */
import type { FieldDescribe } from '../types.js';
import { addressFields, bool, currency, date, datetime, field, idField, picklist, readOnly, reference, systemFields, text } from './fields.js';

/** Task statuses. */
export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'] as const;

/** All Task fields. */
export function taskFields(): FieldDescribe[] {
  const [owner, ...sys] = systemFields({ ownerTo: ['Group', 'User'] });
  return [
    idField('Activity ID'),
    reference('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
    reference('WhatId', ['Account', 'Campaign', 'Opportunity', 'Order', 'Member__c'], 'What', { label: 'Related To ID' }),
    field({ name: 'Subject', type: 'combobox', length: 255, label: 'Subject', picklistValues: ['Call', 'Send Letter', 'Send Quote', 'Other'].map((v) => ({ active: true, defaultValue: false, label: v, validFor: null, value: v })) }),
    date('ActivityDate', { label: 'Due Date Only' }),
    picklist('Status', TASK_STATUSES, { label: 'Status', nillable: false, withDefault: true, restrictedPicklist: true }),
    picklist('Priority', ['High', 'Normal', 'Low'], { label: 'Priority', nillable: false, withDefault: false, defaultedOnCreate: true, restrictedPicklist: true }),
    readOnly(bool('IsHighPriority', { label: 'High Priority' })),
    owner!,
    field({ name: 'Description', type: 'textarea', length: 32000, label: 'Description' }),
    picklist('Type', ['Call', 'Email', 'Meeting', 'Support Ticket', 'Other'], { label: 'Type' }),
    sys[0]!,
    readOnly(reference('AccountId', ['Account'], 'Account', { label: 'Account ID' })),
    readOnly(bool('IsClosed', { label: 'Closed' })),
    ...sys.slice(1),
    readOnly(bool('IsArchived', { label: 'Archived' })),
    field({ name: 'CallDurationInSeconds', type: 'int', digits: 8, label: 'Call Duration' }),
    picklist('CallType', ['Internal', 'Inbound', 'Outbound'], { label: 'Call Type', restrictedPicklist: true }),
    text('CallDisposition', 255, { label: 'Call Result' }),
    datetime('ReminderDateTime', { label: 'Reminder Date/Time' }),
    bool('IsReminderSet', { label: 'Reminder Set' }),
    picklist('TaskSubtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], { label: 'Task Subtype', createable: true, updateable: false, restrictedPicklist: true }),
    readOnly(datetime('CompletedDateTime', { label: 'Completed Date/Time' })),
    text('Ticket_Number__c', 40, { label: 'Ticket Number', externalId: true }),
    text('Ticket_Status__c', 40, { label: 'Ticket Status' }),
    field({ name: 'Ticket_Link__c', type: 'url', label: 'Ticket Link' }),
  ];
}

/** All Order fields. */
export function orderFields(): FieldDescribe[] {
  const [owner, ...sys] = systemFields();
  return [
    idField('Order ID'),
    owner!,
    reference('ContractId', ['Contract'], 'Contract', { label: 'Contract ID' }),
    reference('AccountId', ['Account'], 'Account', { label: 'Account ID', nillable: false }),
    reference('Pricebook2Id', ['Pricebook2'], 'Pricebook2', { label: 'Price Book ID' }),
    reference('OriginalOrderId', ['Order'], 'OriginalOrder', { label: 'Original Order ID' }),
    date('EffectiveDate', { label: 'Order Start Date', nillable: false }),
    date('EndDate', { label: 'Order End Date' }),
    bool('IsReductionOrder', { label: 'Reduction Order', updateable: false }),
    picklist('Status', ['Draft', 'Activated'], { label: 'Status', nillable: false, restrictedPicklist: true, withDefault: true }),
    field({ name: 'Description', type: 'textarea', length: 32000, label: 'Description' }),
    reference('CustomerAuthorizedById', ['Contact'], 'CustomerAuthorizedBy', { label: 'Customer Authorized By ID' }),
    date('CustomerAuthorizedDate', { label: 'Customer Authorized Date' }),
    picklist('Type', ['Membership', 'Event', 'Course', 'Resource', 'Donation'], { label: 'Order Type' }),
    ...addressFields('Billing', 'Billing'),
    ...addressFields('Shipping', 'Shipping'),
    text('Name', 80, { label: 'Order Name', nameField: false }),
    date('PoDate', { label: 'PO Date' }),
    text('PoNumber', 80, { label: 'PO Number' }),
    text('OrderReferenceNumber', 80, { label: 'Order Reference Number' }),
    reference('BillToContactId', ['Contact'], 'BillToContact', { label: 'Bill To Contact ID' }),
    reference('ShipToContactId', ['Contact'], 'ShipToContact', { label: 'Ship To Contact ID' }),
    readOnly(datetime('ActivatedDate', { label: 'Activated Date' })),
    readOnly(reference('ActivatedById', ['User'], 'ActivatedBy', { label: 'Activated By ID' })),
    readOnly(picklist('StatusCode', ['Draft', 'Activated', 'Cancelled', 'Expired'], { label: 'Status Category' })),
    readOnly(text('OrderNumber', 30, { label: 'Order Number', autoNumber: true, nameField: true })),
    readOnly(currency('TotalAmount', { label: 'Order Amount' })),
    ...sys,
    readOnly(datetime('LastViewedDate', { label: 'Last Viewed Date' })),
    readOnly(datetime('LastReferencedDate', { label: 'Last Referenced Date' })),
    text('MemberPulse_Order_Id__c', 40, { label: 'MemberPulse Order ID', externalId: true, unique: true }),
    picklist('Transaction_Type__c', ['Membership', 'Event', 'Course', 'Resource Sale', 'Donation'], { label: 'Transaction Type', restrictedPicklist: true }),
    picklist('Payment_Method__c', ['Card', 'Bank Transfer', 'Invoice', 'Cash', 'Direct Debit'], { label: 'Payment Method' }),
    currency('Amount__c', { label: 'Amount' }),
    text('Invoice_Number__c', 40, { label: 'Invoice Number' }),
    reference('Member_Contact__c', ['Contact'], 'Member_Contact__r', { label: 'Member Contact' }),
  ];
}
