import { createContext } from '@lit/context';
import type { IntegrationClient } from '@memberpulse/integrations-sdk';

/**
 * The SDK client an `<mp-integration-provider>` gives its descendants. A string key, so elements from two
 * copies of the package on one page still find their provider.
 */
export const integrationClientContext = createContext<IntegrationClient | undefined>('mp-integration-client');

/**
 * Why the provider above gives no client, if it gives none: `signed-out` (a usable `base-url` but no token
 * yet: the admin's to fix), `incomplete` (no `base-url` yet) or `misconfigured` (it refused what it was
 * given and says why in its own message): the developer's. A widget with no provider at all hears nothing
 * and gives its own hint.
 */
export type ProviderGap = 'signed-out' | 'incomplete' | 'misconfigured' | undefined;

export const integrationProviderGapContext = createContext<ProviderGap>('mp-integration-provider-gap');
