// The CRM discovery the settings form holds: a refresh keeps the last fields while it runs and after it
// fails, of two answers for one object the newer request's wins, whichever arrives first, and an answer
// to the client before a reset (another tenant or connection) is never shown; "Refresh from …" is busy until
// every answer is in.
import type { CrmFieldDescriptor } from '@memberpulse/integration-schema';
import type { IntegrationClient } from '@memberpulse/integrations-sdk';
import type { ReactiveControllerHost } from 'lit';
import { DiscoveryController } from './discovery-controller.js';
import { equal } from '../provider/browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;

const field = (name: string) => ({ name, label: name, type: 'string' }) as CrmFieldDescriptor;

type Call = { object: string; resolve: (v: CrmFieldDescriptor[]) => void; reject: (e: unknown) => void };

/** A client whose field lists answer only when the test says, in the order it says. */
function controlledClient() {
  const calls: Call[] = [];
  const client = {
    crm: {
      fields: (object: string) => new Promise<CrmFieldDescriptor[]>((resolve, reject) => calls.push({ object, resolve, reject })),
      objects: () => Promise.resolve([]),
    },
  } as unknown as IntegrationClient;
  return { client, calls };
}

/** A controller on such a client. */
function controlled() {
  const { client, calls } = controlledClient();
  const host = { requestUpdate() {}, updateComplete: Promise.resolve(true) } as unknown as ReactiveControllerHost;
  const d = new DiscoveryController(host);
  d.reset(client);
  return { d, calls };
}

const settled = () => new Promise((r) => setTimeout(r, 0));
const names = (d: DiscoveryController, object = 'Contact') => d.fieldsOf(object)?.map((f) => f.name).join() ?? 'none';

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

  it('never shows the previous tenant’s answer once reset to another client, whether it lands before or after the new one’s', async () => {
    const { d, calls: previous } = controlled();
    d.loadFields('Contact');
    d.loadFields('Lead');
    const next = controlledClient();
    d.reset(next.client);
    d.loadFields('Contact');
    previous[0]!.resolve([field('TheirEmail')]);
    await settled();
    equal(names(d), 'none', 'the previous tenant’s fields do not show while the new tenant’s load');
    equal(d.fields('Contact').state, 'loading', 'still loading');
    next.calls[0]!.resolve([field('Email')]);
    await settled();
    previous[1]!.resolve([field('TheirPhone')]);
    await settled();
    equal(names(d), 'Email', 'the new tenant’s fields');
    equal(d.fields('Lead').state, 'idle', 'and an object the new tenant did not ask for stays unloaded');
  });

  it('refreshes the objects and each object named once, busy until every answer is in, and says whether all came back', async () => {
    const { d, calls } = controlled();
    const done = d.refresh(['Contact', null, 'Contact', 'Order']);
    equal(d.refreshing, true, 'under way');
    equal(calls.map((c) => c.object).join(), 'Contact,Order', 'each object once, none for an empty choice');
    equal(await d.refresh(['Contact']), undefined, 'a second refresh while one runs asks nothing');
    equal(calls.length, 2, 'no second request');
    equal(d.refreshed, false, 'nothing refreshed yet');
    calls[0]!.resolve([field('Email')]);
    await settled();
    equal(d.refreshing, true, 'still under way while one answer is out');
    calls[1]!.resolve([field('Total')]);
    equal(await done, true, 'all came back');
    equal(d.refreshing, false, 'done');
    equal(d.refreshed, true, 'and says so');

    const failing = d.refresh(['Contact']);
    calls[2]!.reject(new Error('502'));
    equal(await failing, false, 'one failed');
    equal(d.refreshing, false, 'done all the same');
    equal(d.refreshed, false, 'but not refreshed');
    equal(names(d), 'Email', 'the fields it had stay');

    const dropped = d.refresh(['Contact']);
    d.reset(controlledClient().client);
    equal(d.refreshing, false, 'a reset ends it');
    calls[3]!.resolve([field('TheirEmail')]);
    equal(await dropped, undefined, 'and its answers count for nothing');
  });

  it('keeps each object’s fields apart when the chosen object switches while the first one still loads', async () => {
    const { d, calls } = controlled();
    d.loadFields('Contact');
    d.loadFields('Lead');
    calls[1]!.resolve([field('Company')]);
    await settled();
    calls[0]!.resolve([field('Email')]);
    await settled();
    equal(names(d, 'Lead'), 'Company', 'the object now chosen shows its own fields');
    equal(names(d, 'Contact'), 'Email', 'the late answer fills in only the object it was asked for');
  });
});
