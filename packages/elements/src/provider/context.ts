import { createContext } from '@lit/context';
import type { IntegrationClient } from '@memberpulse/integrations-sdk';

/**
 * The SDK client an `<mp-integration-provider>` gives its descendants. A string key, so elements from two
 * copies of the package on one page still find their provider.
 */
export const integrationClientContext = createContext<IntegrationClient | undefined>('mp-integration-client');

/**
 * Whether the provider above has a `base-url` but no token yet (signed out, or sign-in still loading): a
 * widget without a client then asks the admin to sign in instead of giving the developer's hint.
 */
export const integrationSignedOutContext = createContext<boolean>('mp-integration-signed-out');
