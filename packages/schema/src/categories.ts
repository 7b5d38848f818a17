/** The three kinds of integration a tenant configures; one settings record per tenant per category. */
export type IntegrationCategory = 'crm' | 'accounting' | 'paymentGateway';

/** Every category, in display order. */
export const integrationCategories: readonly IntegrationCategory[] = ['crm', 'accounting', 'paymentGateway'];

/** URL path segment per category (`/v1/settings/payment-gateway`). */
export const categorySlugs: Readonly<Record<IntegrationCategory, string>> = {
  crm: 'crm',
  accounting: 'accounting',
  paymentGateway: 'payment-gateway',
};

/** Human label per category. */
export const categoryLabels: Readonly<Record<IntegrationCategory, string>> = {
  crm: 'CRM',
  accounting: 'Accounting',
  paymentGateway: 'Payment gateway',
};

/** Resolves a URL slug back to its category, or `undefined`. */
export function categoryFromSlug(slug: string): IntegrationCategory | undefined {
  return integrationCategories.find((c) => categorySlugs[c] === slug);
}
