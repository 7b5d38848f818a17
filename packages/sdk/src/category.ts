import { categoryFromName, categorySlugs, integrationCategories, type CategorySlug, type IntegrationCategory } from '@memberpulse/integration-schema';

/** A settings category by its id (`paymentGateway`) or as URLs and the elements name it (`payment-gateway`). */
export type CategoryName = IntegrationCategory | CategorySlug;

/** The category a name means. Anything else is a caller's mistake: a `TypeError`, before any request. */
export function categoryOf(name: CategoryName): IntegrationCategory {
  const category = categoryFromName(name);
  if (!category) throw new TypeError(`Unknown settings category “${String(name)}”: use ${integrationCategories.join(', ')} (or ${Object.values(categorySlugs).join(', ')}).`);
  return category;
}

/** The API path of a category's settings record: `settings/payment-gateway`. */
export const settingsPath = (name: CategoryName) => `settings/${categorySlugs[categoryOf(name)]}`;
