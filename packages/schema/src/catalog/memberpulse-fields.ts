import type { MemberPulseField } from '../field-types.js';

/** MemberPulse member fields that a CRM member object maps against. */
export const memberFields: readonly MemberPulseField[] = [
  { key: 'memberId', label: 'Member ID', type: 'id', required: false, maxLength: 36 },
  { key: 'email', label: 'Email', type: 'email', required: true, maxLength: 254 },
  { key: 'firstName', label: 'First Name', type: 'string', required: true, maxLength: 40 },
  { key: 'lastName', label: 'Last Name', type: 'string', required: true, maxLength: 80 },
  { key: 'phone', label: 'Phone', type: 'phone', required: false, maxLength: 40 },
  { key: 'company', label: 'Company', type: 'string', required: false, maxLength: 255 },
  {
    key: 'membershipStatus',
    label: 'Membership Status',
    type: 'picklist',
    required: false,
    values: ['Active', 'Expiring', 'Expired', 'Pending', 'Cancelled'],
  },
  { key: 'membershipLevel', label: 'Membership Level', type: 'string', required: false, maxLength: 80 },
  { key: 'joinDate', label: 'Join Date', type: 'date', required: false },
  { key: 'expiryDate', label: 'Expiry Date', type: 'date', required: false },
  { key: 'street', label: 'Street', type: 'text', required: false, maxLength: 255 },
  { key: 'city', label: 'City', type: 'string', required: false, maxLength: 40 },
  { key: 'state', label: 'State / Region', type: 'string', required: false, maxLength: 80 },
  { key: 'postalCode', label: 'Postal Code', type: 'string', required: false, maxLength: 20 },
  { key: 'country', label: 'Country', type: 'string', required: false, maxLength: 80 },
  { key: 'emailOptOut', label: 'Email Opt Out', type: 'boolean', required: false },
];

/** MemberPulse order fields that a CRM order object maps against. */
export const orderFields: readonly MemberPulseField[] = [
  { key: 'orderNumber', label: 'Order Number', type: 'string', required: true, maxLength: 30 },
  { key: 'orderDate', label: 'Order Date', type: 'date', required: true },
  { key: 'total', label: 'Total', type: 'currency', required: true },
  { key: 'currency', label: 'Currency', type: 'string', required: false, maxLength: 3 },
  {
    key: 'status',
    label: 'Order Status',
    type: 'picklist',
    required: false,
    values: ['Pending', 'Paid', 'Refunded', 'Cancelled'],
  },
  { key: 'paymentMethod', label: 'Payment Method', type: 'string', required: false, maxLength: 40 },
  { key: 'lineItemSummary', label: 'Line Item Summary', type: 'text', required: false, maxLength: 4000 },
  { key: 'memberEmail', label: 'Member Email', type: 'email', required: false, maxLength: 254 },
];
