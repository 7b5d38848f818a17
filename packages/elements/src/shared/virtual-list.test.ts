// VirtualList in real Chromium: only the window is in the DOM, the visible part is never blank wherever it
// scrolls (its own scroller or the page), heights of every size add up, reveal() reaches any item, Tab
// walks every item in order, and keyed items keep their DOM when the list changes.
import { html, LitElement } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { VirtualList } from './virtual-list.js';
import { equal, ok, settle as settleFrames } from '../provider/browser-test-kit.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => void) => void;

interface Item {
  id: string;
  height: number;
}

/** 1,000 items of 20 to 110 px (a fixed pattern, so failures repeat). */
const makeItems = (n = 1000): Item[] => Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, height: 20 + ((i * 37) % 91) }));

class TestList extends LitElement {
  static override properties = { items: { attribute: false }, scroller: { type: Boolean } };
  items: Item[] = [];
  /** With its own 300 px scroller; without, the page scrolls. */
  scroller = true;
  readonly list = new VirtualList<Item>(this, {
    container: () => this.renderRoot?.querySelector<HTMLElement>('.items'),
    key: (item) => item.id,
    estimate: 50,
    overscan: 100,
  });

  protected override render() {
    return html`<div class="scroller" style=${this.scroller ? 'block-size: 300px; overflow: auto' : ''}>
      <div class="items">
        ${this.list.render(
          this.items,
          (item, i) => html`<div class="item" id=${item.id} data-index=${i} style="block-size: ${item.height}px; box-sizing: border-box">
            <button>${item.id}</button>
          </div>`,
        )}
      </div>
    </div>`;
  }
}
customElements.define('test-virtual-list', TestList);

const settle = (el: TestList) => settleFrames(el, 5);

let placed: HTMLElement[] = [];
afterEach(() => {
  for (const node of placed) node.remove();
  placed = [];
  scrollTo(0, 0);
});

async function mount(init: Partial<Pick<TestList, 'items' | 'scroller'>> = {}): Promise<TestList> {
  const el = document.createElement('test-virtual-list') as TestList;
  Object.assign(el, { items: makeItems(), ...init });
  document.body.append(el);
  placed.push(el);
  await settle(el);
  return el;
}

const rendered = (el: TestList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.item')];
const scroller = (el: TestList) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const total = (items: Item[]) => items.reduce((sum, item) => sum + item.height, 0);

/** The item under a point in the viewport, or null where only padding stands in for items. */
function itemAt(el: TestList, x: number, y: number): HTMLElement | null {
  return el.shadowRoot!.elementFromPoint(x, y)?.closest<HTMLElement>('.item') ?? null;
}

/**
 * Asserts the visible part of the scroller is covered by items (no blank padding); with `exact`, also that
 * each sits at its true offset (true once every item before it has been measured).
 */
function assertCovered(el: TestList, where: string, exact = false): void {
  const box = scroller(el).getBoundingClientRect();
  const content = el.shadowRoot!.querySelector('.items')!.getBoundingClientRect();
  for (const y of [box.top + 1, box.top + box.height / 2, box.bottom - 1]) {
    const item = itemAt(el, box.left + 10, y);
    ok(item, `${where}: an item at y=${Math.round(y - box.top)}`);
    if (!exact) continue;
    const offset = total(el.items.slice(0, Number(item.dataset.index)));
    equal(Math.round(item.getBoundingClientRect().top - content.top), offset, `${where}: ${item.id} at its offset`);
  }
}

describe('VirtualList', () => {
  it('renders only the items in view plus overscan, and stands in for the rest with padding', async () => {
    const el = await mount();
    const shown = rendered(el);
    ok(shown.length > 3 && shown.length < 20, `rendered ${shown.length} of 1000`);
    equal(shown[0]!.id, 'item-0', 'starts at the first item');
    // Rendered items at their real heights, the rest at about the 50 px estimate (those measured on the way at theirs).
    const height = el.shadowRoot!.querySelector<HTMLElement>('.items')!.getBoundingClientRect().height;
    const expected = total(el.items.slice(0, shown.length)) + (1000 - shown.length) * 50;
    ok(Math.abs(height - expected) < 0.01 * expected, `padding stands in for the rest: ${height} ≈ ${expected}`);
  });

  it('is never blank where it is scrolled to, and after scrolling through, the list is exactly as tall as its items', async () => {
    const el = await mount({ items: makeItems(250) });
    const s = scroller(el);
    for (let top = 0; top < s.scrollHeight - s.clientHeight; top += 250) {
      s.scrollTop = top;
      await settle(el);
      assertCovered(el, `scrolled to ${s.scrollTop}`, true);
    }
    s.scrollTop = s.scrollHeight;
    await settle(el);
    equal(rendered(el).at(-1)!.id, 'item-249', 'the end renders the last item');
    s.scrollTop = 0;
    await settle(el);
    equal(s.scrollHeight, total(el.items), 'every height measured');
    ok(rendered(el).length < 30, `still a window: ${rendered(el).length}`);
  });

  it('jumps anywhere with reveal(), landing on the item, and the view around it stays rendered', async () => {
    const el = await mount();
    for (const index of [700, 999, 0, 350]) {
      el.list.reveal(index);
      await settle(el);
      const target = el.shadowRoot!.getElementById(`item-${index}`);
      ok(target, `item ${index} rendered`);
      const box = scroller(el).getBoundingClientRect();
      const r = target.getBoundingClientRect();
      ok(r.top >= box.top - 1 && r.bottom <= box.bottom + 1, `item ${index} in view (${r.top}–${r.bottom} within ${box.top}–${box.bottom})`);
      assertCovered(el, `after reveal(${index})`);
    }
  });

  it('keeps focus on an item revealed far from the view (the last but one: an edge of the range) and focused as it is scrolled into view, in the same task', async () => {
    const el = await mount();
    el.list.reveal(998);
    await el.updateComplete;
    const target = el.shadowRoot!.getElementById('item-998')!;
    target.scrollIntoView({ block: 'center' });
    target.querySelector('button')!.focus();
    await settle(el);
    equal(el.shadowRoot!.activeElement?.textContent, 'item-998', 'still focused: the range follows the view the item was scrolled to');
  });

  it('scrolls up into items never measured without the content jumping', async () => {
    const el = await mount();
    el.list.reveal(800);
    await settle(el);
    const s = scroller(el);
    const box = s.getBoundingClientRect();
    for (let step = 0; step < 25; step++) {
      const item = itemAt(el, box.left + 10, box.top + box.height / 2)!;
      const before = item.getBoundingClientRect().top;
      s.scrollTop -= 60;
      await settle(el);
      equal(Math.round(item.getBoundingClientRect().top - before), 60, `step ${step}: ${item.id} moved by the scroll alone`);
      assertCovered(el, `step ${step}`);
    }
  });

  it('follows the page as the scroller, and Tab walks every item in order, ones not rendered yet included', async () => {
    const items = makeItems(60);
    const el = await mount({ items, scroller: false });
    ok(!el.shadowRoot!.getElementById('item-59'), 'the last item is not rendered at first');
    el.shadowRoot!.querySelector('button')!.focus();
    const seen: (string | null)[] = [el.shadowRoot!.activeElement!.textContent];
    for (let i = 0; i < 70 && seen.at(-1) !== 'item-59'; i++) {
      await sendKeys({ press: 'Tab' });
      await settle(el);
      seen.push(el.shadowRoot!.activeElement?.textContent ?? null);
    }
    equal(seen.join(), items.map((item) => item.id).join(), 'every item, in order');
    ok(rendered(el).length < 40, `a window around the focus, not everything: ${rendered(el).length}`);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    equal(el.shadowRoot!.activeElement?.textContent, 'item-58', 'Shift+Tab goes back');
  });

  it('keeps each item’s DOM by key when the list changes, and renders the new list’s window', async () => {
    const el = await mount();
    const second = el.shadowRoot!.getElementById('item-1')!;
    el.items = el.items.filter((_, i) => i !== 0 && i % 2 === 1);
    await settle(el);
    equal(el.shadowRoot!.getElementById('item-1'), second, 'the same element for the same key');
    equal(rendered(el)[0]!.dataset.index, '0', 'indexes follow the new list');
    el.items = [];
    await settle(el);
    equal(rendered(el).length, 0, 'an empty list renders nothing');
    equal(el.shadowRoot!.querySelector<HTMLElement>('.items')!.getBoundingClientRect().height, 0, 'and keeps no padding');
  });
});
