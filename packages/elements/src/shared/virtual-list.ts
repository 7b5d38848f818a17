import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** How a {@link VirtualList} finds its container and tells its items apart. */
export interface VirtualListOptions<T> {
  /** The element the items render into: one element per item, nothing else, no padding of its own. */
  container: () => HTMLElement | null | undefined;
  /** A stable identity per item: keeps each item's DOM (and focus) with it and remembers its measured height. */
  key: (item: T) => unknown;
  /**
   * Height in px assumed for an item until it has been rendered and measured. It stays fixed (no running
   * average), so the space standing in for items never rendered does not shift under the scroll position.
   */
  estimate: number;
  /** Pixels rendered beyond each edge of the visible part, so scrolling and Tab find items already there. */
  overscan: number;
}

interface Range {
  start: number;
  end: number;
  /** Heights of the items before `start` and from `end` on: the container's block padding. */
  before: number;
  after: number;
}

/** The closest ancestor in the flat tree: through slots and out of shadow roots. */
function parentOf(node: Element): Element | null {
  return node.assignedSlot ?? node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
}

interface Clip {
  el: Element;
  /** Scrollable by the user (not just clipping). */
  scrolls: boolean;
}

/** Ancestors that can cut off what is visible of `el`, up to the first fixed one (a popup stays inside its own box). */
function clippingAncestors(el: Element): Clip[] {
  const found: Clip[] = [];
  const { body, documentElement } = el.ownerDocument;
  for (let node = parentOf(el); node && node !== body && node !== documentElement; node = parentOf(node)) {
    const style = getComputedStyle(node);
    const overflow = style.overflowY;
    if (overflow !== 'visible' && style.display !== 'contents') found.push({ el: node, scrolls: overflow === 'auto' || overflow === 'scroll' });
    if (style.position === 'fixed') break;
  }
  return found;
}

/**
 * Renders only the items of a long list that are in view (plus `overscan` px either side) into a
 * container, standing in for the rest with the container's block padding. Heights are measured as items
 * render and remembered by key, so rows of different heights scroll true; when items rendered above the view
 * turn out taller or shorter than estimated, the scroll is corrected so the view does not jump. The visible part is wherever
 * the container is not cut off by the viewport or a clipping ancestor, so it works with the page as the
 * scroller as well as inside an element that scrolls (or a fixed popup).
 *
 * Keyboard use: the item holding focus and its neighbours stay rendered, so Tab and Shift+Tab always find
 * the next item; {@link reveal} renders an item anywhere in the list and scrolls it into view (for
 * `aria-activedescendant` lists).
 *
 * Usage: `list.render(items, renderItem)` inside the container in the host's template.
 */
export class VirtualList<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: VirtualListOptions<T>;
  #items: readonly T[] = [];
  #range: Range = { start: 0, end: 0, before: 0, after: 0 };
  /** The visible span in px from the container's top, as last measured. */
  #view: [number, number] = [0, globalThis.innerHeight ?? 800];
  readonly #heights = new Map<unknown, number>();
  #reveal = -1;
  #focusKey: unknown = null;
  #hasFocus = false;
  #container?: HTMLElement;
  #clips?: Clip[];
  /** What the container showed after the last update: which list, from which index. */
  #shown?: { items: readonly T[]; start: number };
  #frame = 0;
  #resize?: ResizeObserver;
  readonly #schedule = () => {
    this.#frame ||= requestAnimationFrame(this.#measure);
  };
  readonly #relayout = () => {
    this.#clips = undefined;
    this.#schedule();
  };

  constructor(host: ReactiveControllerHost, options: VirtualListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The rendered part of `items`; `renderItem` gets each item's index in the whole list. */
  render(items: readonly T[], renderItem: (item: T, index: number) => TemplateResult): unknown {
    this.#items = items;
    const range = (this.#range = this.#compute());
    const key = this.#options.key;
    return repeat(items.slice(range.start, range.end), key, (item, i) => renderItem(item, range.start + i));
  }

  /** Renders the item at `index` on the next update and then scrolls it into view. */
  reveal(index: number): void {
    this.#reveal = index;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#attach(this.#options.container() ?? undefined);
  }

  hostDisconnected(): void {
    this.#attach(undefined);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  hostUpdated(): void {
    const container = this.#options.container() ?? undefined;
    if (container !== this.#container) this.#attach(container);
    if (!container) return;
    // Padding first, so the layout that measures new items sees the new padding: the browser's own scroll
    // anchoring then stands aside (a padding change suppresses it) instead of correcting for half the change.
    this.#pad(container, this.#range);
    const shift = this.#shift(container);
    if (shift) this.#scrollBy(shift);
    if (this.#reveal >= 0) {
      const index = this.#reveal;
      this.#reveal = -1;
      // After the host's own updated(): a popup is shown there, and a hidden one cannot scroll.
      queueMicrotask(() => container.children[index - this.#range.start]?.scrollIntoView({ block: 'nearest' }));
    }
    this.#schedule();
  }

  /** Listens to the container and what moves it only while there is one (a closed combobox costs nothing). */
  #attach(container: HTMLElement | undefined): void {
    const old = this.#container;
    if (old) {
      this.#resize!.disconnect();
      old.removeEventListener('focusin', this.#onFocusin);
      old.removeEventListener('focusout', this.#onFocusout);
      removeEventListener('scroll', this.#schedule, { capture: true });
      removeEventListener('resize', this.#relayout);
    }
    for (const clip of this.#clips ?? []) clip.el.removeEventListener('scroll', this.#schedule);
    this.#clips = undefined;
    this.#shown = undefined;
    this.#container = container;
    this.#hasFocus = false;
    if (!container) return;
    (this.#resize ??= new ResizeObserver(this.#schedule)).observe(container);
    container.addEventListener('focusin', this.#onFocusin);
    container.addEventListener('focusout', this.#onFocusout);
    addEventListener('scroll', this.#schedule, { capture: true, passive: true });
    addEventListener('resize', this.#relayout, { passive: true });
  }

  #onFocusin = (e: FocusEvent): void => {
    const container = this.#container!;
    const item = [...container.children].find((child) => e.composedPath().includes(child));
    if (!item) return;
    const index = this.#range.start + Array.prototype.indexOf.call(container.children, item);
    this.#focusKey = this.#options.key(this.#items[index]!);
    this.#hasFocus = true;
    // At an edge of the rendered range: render the neighbour now, so the next Tab has somewhere to go. From the
    // view as it is now: focus often follows a scroll this frame (a revealed item scrolled into view), and a
    // range worked out from the view before it would leave out the item that has focus, and so drop the focus.
    if (index <= this.#range.start || index >= this.#range.end - 2) {
      this.#readView(container);
      this.#host.requestUpdate();
    }
  };

  #onFocusout = (e: FocusEvent): void => {
    if (!this.#container!.contains(e.relatedTarget as Node | null)) this.#hasFocus = false;
  };

  #height(item: T): number {
    return this.#heights.get(this.#options.key(item)) ?? this.#options.estimate;
  }

  #compute(): Range {
    const items = this.#items;
    const n = items.length;
    const heights = items.map((item) => this.#height(item));
    const total = heights.reduce((a, b) => a + b, 0);
    const { overscan } = this.#options;
    // Nothing visible (scrolled past, or not laid out): keep the nearest end rendered.
    const lo = Math.max(0, Math.min(this.#view[0] - overscan, total - overscan));
    const hi = Math.min(total, Math.max(this.#view[1] + overscan, lo + overscan));
    let start = n;
    let end = n;
    for (let i = 0, top = 0; i < n; top += heights[i]!, i++) {
      if (start === n && top + heights[i]! > lo) start = i;
      if (top >= hi) {
        end = i;
        break;
      }
    }
    if (start >= end) start = Math.max(0, end - 1);
    const reveal = this.#reveal;
    if (reveal >= 0 && reveal < n && (reveal < start || reveal >= end)) {
      const span = Math.max(1, end - start);
      start = Math.max(0, Math.min(reveal - (span >> 1), n - span));
      end = Math.min(n, start + span);
    }
    if (this.#hasFocus) {
      const focused = items.findIndex((item) => this.#options.key(item) === this.#focusKey);
      if (focused >= start - 2 && focused < end + 2) {
        start = Math.max(0, Math.min(start, focused - 1));
        end = Math.min(n, Math.max(end, focused + 2));
      }
    }
    let before = 0;
    for (let i = 0; i < start; i++) before += heights[i]!;
    let rendered = 0;
    for (let i = start; i < end; i++) rendered += heights[i]!;
    return { start, end, before, after: total - before - rendered };
  }

  #getClips(container: HTMLElement): Clip[] {
    if (!this.#clips) {
      this.#clips = clippingAncestors(container);
      for (const clip of this.#clips) clip.el.addEventListener('scroll', this.#schedule, { passive: true });
    }
    return this.#clips;
  }

  /**
   * How far the items that were showing moved down in this update: items newly rendered above them are
   * measured and differ from the height their padding assumed. (The browser's scroll anchoring does not
   * step in, because the container's padding changes too.) Records those heights.
   */
  #shift(container: HTMLElement): number {
    const shown = this.#shown;
    const { start, end } = this.#range;
    this.#shown = { items: this.#items, start };
    if (!shown || shown.items !== this.#items || start >= shown.start || this.#reveal >= 0) return 0;
    if (container.children.length !== end - start) return 0;
    let shift = 0;
    for (let i = start; i < Math.min(shown.start, end); i++) {
      const height = container.children[i - start]!.getBoundingClientRect().height;
      const item = this.#items[i]!;
      shift += height - this.#height(item);
      this.#heights.set(this.#options.key(item), height);
    }
    return shift;
  }

  /** Scrolls whatever scrolls the container (the nearest scrollable ancestor, else the page) by `delta` px. */
  #scrollBy(delta: number): void {
    const scroller = this.#getClips(this.#container!).find((c) => c.scrolls && c.el.scrollHeight > c.el.clientHeight)?.el;
    if (scroller) scroller.scrollTop += delta;
    else scrollBy(0, delta);
  }

  #pad(container: HTMLElement, range: Range): void {
    container.style.paddingBlockStart = `${range.before}px`;
    container.style.paddingBlockEnd = `${range.after}px`;
  }

  /** Reads the visible span of the container: where neither the viewport nor a clipping ancestor cuts it off. */
  #readView(container: HTMLElement): void {
    const box = container.getBoundingClientRect();
    let top = 0;
    let bottom = innerHeight;
    for (const clip of this.#getClips(container)) {
      const r = clip.el.getBoundingClientRect();
      top = Math.max(top, r.top);
      bottom = Math.min(bottom, r.bottom);
    }
    this.#view = [top - box.top, bottom - box.top];
  }

  /** Measures the rendered items and the visible span; renders again when the range has to change. */
  #measure = (): void => {
    this.#frame = 0;
    const container = this.#container;
    if (!container?.isConnected) return;
    const { start, end } = this.#range;
    const children = container.children;
    if (children.length === end - start) {
      for (let i = 0; i < children.length; i++) {
        const height = children[i]!.getBoundingClientRect().height;
        if (height > 0) this.#heights.set(this.#options.key(this.#items[start + i]!), height);
      }
    }
    this.#readView(container);
    const next = this.#compute();
    if (next.start !== start || next.end !== end) this.#host.requestUpdate();
    else {
      this.#range = next;
      this.#pad(container, next);
    }
  };
}
