// The describe cache's single flight: shared while it runs, and never outliving a drop (new credentials).
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { DescribeCache } from '../src/discovery.js';
import type { CrmObjectSummary } from '@memberpulse/integration-schema';

const org = (name: string): CrmObjectSummary[] => [{ name, label: name, custom: false, createable: true, updateable: true, queryable: true }];

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

test('requests during a load share it; a drop meanwhile starts afresh and keeps the old answer out of the cache', async () => {
  const cache = new DescribeCache(60_000);
  const loads: Array<ReturnType<typeof deferred<CrmObjectSummary[]>>> = [];
  const load = () => {
    const d = deferred<CrmObjectSummary[]>();
    loads.push(d);
    return d.promise;
  };
  const keep = (value: CrmObjectSummary[]) => cache.setObjects('t1', value);

  const first = cache.once('t1', 'objects', load, keep);
  const joined = cache.once('t1', 'objects', load, keep);
  assert.equal(loads.length, 1, 'the second request joins the first load');

  cache.drop('t1');
  const afterDrop = cache.once('t1', 'objects', load, keep);
  assert.equal(loads.length, 2, 'after a drop a new load starts');

  loads[0]!.resolve(org('OLD'));
  assert.equal((await first)[0]!.name, 'OLD');
  assert.equal((await joined)[0]!.name, 'OLD');
  assert.equal(cache.objects('t1'), undefined, 'the old credentials’ answer is not cached');

  loads[1]!.resolve(org('NEW'));
  assert.equal((await afterDrop)[0]!.name, 'NEW');
  assert.equal(cache.objects('t1')![0]!.name, 'NEW');
});

test('a failed load is not kept and the next request tries again', async () => {
  const cache = new DescribeCache(60_000);
  let calls = 0;
  const failing = () => {
    calls++;
    return Promise.reject(new Error('Salesforce is down'));
  };
  await assert.rejects(cache.once('t1', 'objects', failing, (v) => cache.setObjects('t1', v)), /down/);
  await assert.rejects(cache.once('t1', 'objects', failing, (v) => cache.setObjects('t1', v)), /down/);
  assert.equal(calls, 2);
  assert.equal(cache.objects('t1'), undefined);
});

test('a stale load stays stale however many other tenants drop meanwhile, and their drops leave live loads alone', async () => {
  const cache = new DescribeCache(60_000);
  const stale = deferred<CrmObjectSummary[]>();
  const live = deferred<CrmObjectSummary[]>();
  const old = cache.once('t1', 'objects', () => stale.promise, (v) => cache.setObjects('t1', v));
  const other = cache.once('t2', 'objects', () => live.promise, (v) => cache.setObjects('t2', v));
  cache.drop('t1');
  for (let i = 0; i < 20_000; i++) cache.drop(`other-${i}`);
  stale.resolve(org('OLD'));
  live.resolve(org('KEPT'));
  await Promise.all([old, other]);
  assert.equal(cache.objects('t1'), undefined, 'the answer for t1’s old credentials is not cached');
  assert.equal(cache.objects('t2')![0]!.name, 'KEPT', 'other tenants’ drops do not make t2’s answer stale');
});

test('an unshared load joins none under way and none joins it; a drop still keeps its answer out of the cache', async () => {
  const cache = new DescribeCache(60_000);
  const stored = deferred<CrmObjectSummary[]>();
  const typed = deferred<CrmObjectSummary[]>();
  const keep = (v: CrmObjectSummary[]) => cache.setObjects('t1', v);
  const read = cache.once('t1', 'objects', () => stored.promise, keep);
  const own = cache.once('t1', 'objects', () => typed.promise, keep, { shared: false });
  const joined = cache.once('t1', 'objects', () => Promise.resolve(org('THIRD')), keep);
  cache.drop('t1');
  typed.resolve(org('TYPED'));
  stored.resolve(org('STORED'));
  assert.equal((await own)[0]!.name, 'TYPED', 'the unshared load is not answered the running one’s');
  assert.equal((await joined)[0]!.name, 'STORED', 'a later request joins the shared load, not the unshared one');
  assert.equal((await read)[0]!.name, 'STORED');
  assert.equal(cache.objects('t1'), undefined, 'dropped meanwhile: neither answer is cached');
});

test('while drops may be missed, an entry is answered only to a caller with the stamp it was described under; each change of hearing drops all', () => {
  const cache = new DescribeCache(60_000);
  cache.setObjects('t1', org('HEARD'));
  cache.hearing(false);
  assert.equal(cache.objects('t1'), undefined, 'what was cached while hearing goes');
  cache.setObjects('t1', org('A'), 'crm-1:3');
  assert.equal(cache.objects('t1', 'crm-1:3')![0]!.name, 'A');
  assert.equal(cache.objects('t1', 'crm-1:4'), undefined, 'the record changed since (archived, another org)');
  assert.equal(cache.objects('t1'), undefined, 'nor to a caller that says nothing of the record');
  cache.hearing(true);
  assert.equal(cache.objects('t1', 'crm-1:3'), undefined, 'what was cached while deaf goes when drops reach it again');
  cache.setObjects('t1', org('B'));
  assert.equal(cache.objects('t1', 'crm-1:9')![0]!.name, 'B', 'while hearing, drops keep it true: the stamp is not asked');
});

test('the API usage is answered for a minute at most, and only under the CRM record it was read under', () => {
  mock.timers.enable({ apis: ['Date'], now: 0 });
  try {
    const cache = new DescribeCache(600_000);
    const read = { used: 120, limit: 15_000, allotment: null };
    cache.setUsage('t1', read, 'crm-1:3');
    assert.deepEqual(cache.usage('t1', 'crm-1:3'), read);
    assert.equal(cache.usage('t1', 'crm-1:4'), undefined, 'not once the record changed (an allotment saved, new credentials)');
    assert.equal(cache.usage('t2', 'crm-1:3'), undefined, 'nor to another tenant');
    mock.timers.tick(59_999);
    assert.deepEqual(cache.usage('t1', 'crm-1:3'), read);
    mock.timers.tick(1);
    assert.equal(cache.usage('t1', 'crm-1:3'), undefined, 'a minute on, it is read again, though describes last ten');
    cache.setUsage('t1', read, 'crm-1:3');
    cache.drop('t1');
    assert.equal(cache.usage('t1', 'crm-1:3'), undefined, 'a drop forgets it with the describes');
    const off = new DescribeCache(0);
    off.setUsage('t1', read, 'crm-1:3');
    assert.equal(off.usage('t1', 'crm-1:3'), undefined, 'and MP_DESCRIBE_TTL=0 turns it off');
  } finally {
    mock.timers.reset();
  }
});
