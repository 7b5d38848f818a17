// The CRM discovery the settings form holds: a refresh keeps the last fields while it runs and after it
// fails, and of two answers for one object the newer request's wins, whichever arrives first.
import type { CrmFieldDescriptor } from '@memberpulse/integration-schema';
import type { IntegrationClient } from '@memberpulse/integrations-sdk';
import type { ReactiveControllerHost } from 'lit';
import { DiscoveryController } from './discovery-controller.js';
import { equal } from '../provider/browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

const field = (name: string) => ({ name, label: name, type: 'string' }) as CrmFieldDescriptor;

/** A controller on a client whose field lists answer only when the test says, in the order it says. */
function controlled() {
  const calls: { resolve: (v: CrmFieldDescriptor[]) => void; reject: (e: unknown) => void }[] = [];
  const client = {
    crm: { fields: () => new Promise<CrmFieldDescriptor[]>((resolve, reject) => calls.push({ resolve, reject })) },
  } as unknown as IntegrationClient;
  const host = { addController() {}, requestUpdate() {} } as unknown as ReactiveControllerHost;
  const d = new DiscoveryController(host);
  d.reset(client);
  return { d, calls };
}

const settled = () => new Promise((r) => setTimeout(r, 0));
const names = (d: DiscoveryController) => d.fieldsOf('Contact')?.map((f) => f.name).join() ?? 'none';

describe('DiscoveryController', () => {
  it('keeps the first load’s fields when it lands during a refresh that then fails', async () => {
    const { d, calls } = controlled();
    d.loadFields('Contact');
    d.loadFields('Contact', true);
    calls[0]!.resolve([field('Email')]);
    await settled();
    calls[1]!.reject(new Error('502'));
    await settled();
    equal(names(d), 'Email', 'the fields that arrived stay');
    equal(d.fields('Contact').state, 'error', 'and the refresh’s failure is said');
  });

  it('keeps the refresh’s answer when the older load lands after it', async () => {
    const { d, calls } = controlled();
    d.loadFields('Contact');
    d.loadFields('Contact', true);
    calls[1]!.resolve([field('Email'), field('Phone')]);
    await settled();
    calls[0]!.resolve([field('Email')]);
    await settled();
    equal(names(d), 'Email,Phone', 'the newer request’s answer');
    equal(d.fields('Contact').state, 'ready', 'ready');
  });
});
