import type { FieldError, IntegrationCategory, IntegrationSettingsInput } from '@memberpulse/integration-schema';
import type { Context } from 'hono';
import type { RouteDeps } from '../app.js';
import { settingsEtag } from '../etag.js';
import type { Env } from '../hono-env.js';
import { ProblemError, unprocessable } from '../problem.js';
import { UndescribedObjects, writeSettings } from '../settings-service.js';
import * as store from '../store.js';
import { describeFirst, recomputeDrift } from './crm-describes.js';
import { pre, writeContext } from './request.js';
import { runWrite } from './run-write.js';

/** Writes a settings record (`replace` or `merge` `input`); `remap` rewrites a 422's field errors for the route. */
export async function settingsWrite(deps: RouteDeps, c: Context<Env>, mode: 'replace' | 'merge', input: IntegrationSettingsInput, category: IntegrationCategory, remap?: (e: FieldError[]) => FieldError[]) {
  const write = (describeFirst: boolean) =>
    runWrite(deps, c, async (tx) => {
      try {
        const out = await writeSettings(tx, { ...deps, describeFirst }, writeContext(c), category, mode, input, pre(c));
        return { status: out.created ? 201 : 200, body: store.settingsView(out.stored), headers: { ETag: settingsEtag(out.stored) }, dropDescribes: out.connectionChanged };
      } catch (err) {
        // Rebuilt, so the detail speaks of the remapped errors too.
        if (remap && err instanceof ProblemError && err.status === 422 && err.extra.errors) throw unprocessable(remap(err.extra.errors), err.extra.warnings);
        throw err;
      }
    });
  // Enabling a draft whose objects the server holds no describe of: the write stops before its rules (a stale
  // If-Match or a replayed Idempotency-Key is answered first, and calls no CRM), they are described outside
  // its transaction, and it runs again, judged with them.
  try {
    return await write(!!deps.gateway);
  } catch (err) {
    if (!(err instanceof UndescribedObjects)) throw err;
    try {
      const missingObjects = await describeFirst(deps, c, err);
      if (missingObjects.length) throw unprocessable(missingObjects);
      return await write(false);
    } catch (refused) {
      // Taken, the write stores the drift it judged with the describes; refused, the stored record's is judged now.
      await recomputeDrift(deps, c.get('principal').tenant);
      throw refused;
    }
  }
}
