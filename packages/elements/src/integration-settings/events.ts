import type { IntegrationCategory, IntegrationSettings } from '@memberpulse/integration-schema';

/** What a save did. */
export type SettingsSaveAction = 'draft' | 'enabled' | 'archived' | 'restored';

/** The server accepted a save, enable, archive or restore; `settings` is the record it answered (no secrets). */
export class SettingsSavedEvent extends Event {
  static readonly type = 'mp-saved';
  constructor(
    readonly settings: IntegrationSettings,
    readonly action: SettingsSaveAction,
  ) {
    super(SettingsSavedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The admin is about to leave with unsaved changes (page unload, or the host called `requestLeave()`).
 * From `requestLeave()`: cancel it (`preventDefault()`) to have it resolve `false` and show your own
 * prompt; otherwise the element asks. On page unload: the browser's own prompt appears unless you cancel
 * it, and cancelling lets the page unload without asking.
 */
export class BeforeLeaveEvent extends Event {
  static readonly type = 'mp-before-leave';
  constructor(
    /** Categories with unsaved changes. */
    readonly categories: readonly IntegrationCategory[],
  ) {
    super(BeforeLeaveEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mp-saved': SettingsSavedEvent;
    'mp-before-leave': BeforeLeaveEvent;
  }
}
