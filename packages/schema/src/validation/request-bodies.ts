import * as z from 'zod/mini';
import { IntegrationSettingsInputSchema } from './schemas.js';

/** Body of `PUT /v1/settings/{category}/credentials/{key}`: the secret, never read back. */
export const CredentialValueInputSchema = z.strictObject({
  value: z.string().check(z.minLength(1), z.maxLength(4096)),
});

/** Body of `POST /v1/settings/{category}/test-connection`: unsaved values tried over the stored ones. */
export const TestConnectionInputSchema = z.strictObject({
  platform: IntegrationSettingsInputSchema.shape.platform,
  config: IntegrationSettingsInputSchema.shape.config,
  credentials: IntegrationSettingsInputSchema.shape.credentials,
});
