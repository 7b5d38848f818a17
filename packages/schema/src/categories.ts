/**
 * The kinds of integration a tenant configures; one settings record per tenant per category. `inbound` is a
 * partner's connector that pushes data into MemberPulse (seed 003); the others are systems MemberPulse calls.
 */
export type IntegrationCategory = 'crm' | 'accounting' | 'paymentGateway' | 'inbound';

/** Every category, in display order. */
export const integrationCategories: readonly IntegrationCategory[] = ['crm', 'accounting', 'paymentGateway', 'inbound'];

/** A category as the API's URLs and the elements' `category` attribute name it. */
export type CategorySlug = 'crm' | 'accounting' | 'payment-gateway' | 'inbound';

/** URL path segment per category (`/v1/settings/payment-gateway`). */
export const categorySlugs: Readonly<Record<IntegrationCategory, CategorySlug>> = {
  crm: 'crm',
  accounting: 'accounting',
  paymentGateway: 'payment-gateway',
  inbound: 'inbound',
};

/** Human label per category. */
export const categoryLabels: Readonly<Record<IntegrationCategory, string>> = {
  crm: 'CRM',
  accounting: 'Accounting',
  paymentGateway: 'Payment gateway',
  inbound: 'Inbound connector',
};

/** Whether a category's platform must be chosen during set-up, drafts included (seed 000: the payment gateway). */
export function isPlatformRequired(category: IntegrationCategory): boolean {
  return category === 'paymentGateway';
}

/** Resolves a URL slug back to its category, or `undefined`. */
export function categoryFromSlug(slug: string): IntegrationCategory | undefined {
  return integrationCategories.find((c) => categorySlugs[c] === slug);
}

/** The category a name means, by its id (`paymentGateway`) or its slug (`payment-gateway`), or `undefined`. */
export function categoryFromName(name: string): IntegrationCategory | undefined {
  return integrationCategories.find((c) => c === name) ?? categoryFromSlug(name);
}
