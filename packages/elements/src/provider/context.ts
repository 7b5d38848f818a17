import { createContext } from '@lit/context';
import type { IntegrationClient } from '@memberpulse/integrations-sdk';

/**
 * The SDK client an `<mp-integration-provider>` gives its descendants. A string key, so elements from two
 * copies of the package on one page still find their provider.
 */
export const integrationClientContext = createContext<IntegrationClient | undefined>('mp-integration-client');
